// The first bytes each binary type must start with, so a renamed executable or HTML page is not accepted as a
// PDF or an image. Text types (txt, csv) have no signature.
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [[0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06]];
const SIGNATURES: Record<string, number[][]> = {
  pdf: [[0x25, 0x50, 0x44, 0x46, 0x2d]],
  png: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  jpg: [[0xff, 0xd8, 0xff]],
  jpeg: [[0xff, 0xd8, 0xff]],
  gif: [[0x47, 0x49, 0x46, 0x38]],
  zip: ZIP,
  docx: ZIP,
  xlsx: ZIP,
  pptx: ZIP,
  doc: [OLE],
  xls: [OLE],
  ppt: [OLE],
};

/** True when the file's first bytes fit its extension (always true for types without a signature). */
export async function signatureMatches(fileName: string, file: Blob): Promise<boolean> {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  const options = SIGNATURES[ext];
  if (!options) return true;
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  return options.some((sig) => sig.every((b, i) => head[i] === b));
}
