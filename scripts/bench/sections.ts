// BENCHMARKS.md is written by more than one benchmark: each owns a section between
// `<!-- section:NAME -->` and `<!-- /section:NAME -->`, and whoever rewrites the file keeps the others.
const SECTION = /<!-- section:([a-z-]+) -->[\s\S]*?<!-- \/section:\1 -->\n?/g;

export function replaceSection(text: string, name: string, body: string): string {
  const block = `<!-- section:${name} -->\n${body.trim()}\n<!-- /section:${name} -->\n`;
  const pattern = new RegExp(`<!-- section:${name} -->[\\s\\S]*?<!-- /section:${name} -->\\n?`);
  return pattern.test(text) ? text.replace(pattern, block) : `${text.trimEnd()}\n\n${block}`;
}

// The sections of `previous` appended to a freshly rendered report that lacks them.
export function keepSections(previous: string, fresh: string): string {
  let text = fresh;
  for (const match of previous.matchAll(SECTION)) if (!text.includes(`<!-- section:${match[1]} -->`)) text = `${text.trimEnd()}\n\n${match[0]}`;
  return text;
}
