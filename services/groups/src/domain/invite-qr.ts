import QRCode from 'qrcode';

/** The invite link as QR codes: an SVG document and a PNG data URL. */
export async function inviteQrCodes(url: string): Promise<{ svg: string; png: string }> {
  const options = { errorCorrectionLevel: 'M' as const, margin: 2 };
  const [svg, png] = await Promise.all([QRCode.toString(url, { ...options, type: 'svg' }), QRCode.toDataURL(url, { ...options, width: 512 })]);
  return { svg, png };
}
