import QRCode from 'qrcode';

const OPTIONS = { errorCorrectionLevel: 'M' as const, margin: 2 };

/** The invite link as a QR code in an SVG document. */
export function inviteQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...OPTIONS, type: 'svg' });
}

/** The invite link as a QR code in a PNG image, as a data: URL. */
export function inviteQrPng(url: string): Promise<string> {
  return QRCode.toDataURL(url, { ...OPTIONS, scale: 10 });
}
