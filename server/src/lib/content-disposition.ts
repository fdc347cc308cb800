/**
 * A `Content-Disposition: attachment` header that keeps non-ASCII names (Chinese) intact: an ASCII fallback in
 * `filename` for old clients and the exact name in `filename*` (RFC 6266 with RFC 5987 encoding).
 * @example attachmentDisposition('会议纪要.pdf') // `attachment; filename="____.pdf"; filename*=UTF-8''%E4%BC%9A...pdf`
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'download';
  // encodeURIComponent leaves ' ( ) * unescaped, which RFC 5987 attr-char does not allow.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
