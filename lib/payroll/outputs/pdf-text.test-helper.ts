import { inflateSync } from "node:zlib";

// The text of a PDF made by pdfkit with its standard fonts: each content stream inflated, each
// TJ array's hex strings decoded (WinAnsi) and joined. Enough for tests to read a payslip.
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString("latin1");
  const pieces: string[] = [];
  for (const match of source.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1], "latin1")).toString("latin1");
    } catch {
      content = match[1];
    }
    for (const array of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      pieces.push([...array[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => Buffer.from(hex[1], "hex").toString("latin1")).join(""));
    }
  }
  return pieces.join("\n");
}
