const PNG_DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/;

/** The QR code PNG the API sends (a data: URL), or null when it is anything else: only a PNG is ever shown. */
export function pngDataUrl(value: string): string | null {
  return PNG_DATA_URL.test(value) ? value : null;
}

/** The PNG inside a data: URL as a file to save. */
export function pngBlob(dataUrl: string): Blob {
  const base64 = PNG_DATA_URL.exec(dataUrl)?.[1];
  if (!base64) throw new Error('not a PNG data URL');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'image/png' });
}

/** The SVG document as a file to save; it is never put into the page. */
export function svgBlob(svg: string): Blob {
  return new Blob([svg], { type: 'image/svg+xml' });
}

/** A file name people recognise in their downloads: the group's name, then which link. */
export function qrFileName(groupName: string, linkId: string, extension: 'png' | 'svg'): string {
  const slug = groupName
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_-]+/g, '-')
    .toLowerCase()
    .slice(0, 40);
  return `${slug || 'group'}-invite-${linkId.slice(-6)}.${extension}`;
}
