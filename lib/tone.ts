// What a status means to the reader; components turn a tone into colours.
export type Tone = "neutral" | "info" | "brand" | "success" | "warning" | "danger";
