import { useEffect, useRef } from "react";

/**
 * The otpauth URI as a QR code, drawn on a canvas: the site's CSP (img-src 'self') would block a data: URL in an
 * <img>, and a canvas is not governed by it. The library is loaded only here, so it stays out of the first load.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let cancelled = false;
    void import("qrcode").then((QRCode) => {
      if (!cancelled && canvas.current) return QRCode.toCanvas(canvas.current, text, { width: 200, margin: 2 });
    });
    return () => {
      cancelled = true;
    };
  }, [text]);
  return <canvas ref={canvas} role="img" aria-label={label} width={200} height={200} data-testid="two-step-qr" />;
}
