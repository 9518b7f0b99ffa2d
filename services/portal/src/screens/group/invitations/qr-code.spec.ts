import { pngBlob, pngDataUrl, qrFileName } from './qr-code';

describe('QR code helpers', () => {
  const png = 'data:image/png;base64,iVBORw0KGgo=';

  it('accepts only a base64 PNG data URL for showing', () => {
    expect(pngDataUrl(png)).toBe(png);
    expect(pngDataUrl('data:image/svg+xml,<svg onload="alert(1)"/>')).toBeNull();
    expect(pngDataUrl('javascript:alert(1)')).toBeNull();
  });

  it('turns the data URL back into the PNG bytes', async () => {
    const blob = pngBlob(png);
    expect(blob.type).toBe('image/png');
    expect([...new Uint8Array(await blob.arrayBuffer())].slice(0, 4)).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('names the file after the group and the link', () => {
    expect(qrFileName('Field Sales — North!', '0192f1a2-aaaa-bbbb-cccc-1234567890ab', 'svg')).toBe('field-sales-north-invite-7890ab.svg');
    expect(qrFileName('???', 'abcdef', 'png')).toBe('group-invite-abcdef.png');
  });
});
