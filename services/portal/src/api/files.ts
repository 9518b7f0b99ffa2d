import { fallbackMessage, parseErrorBody, UploadError } from './errors';
import { session } from './session';

/**
 * The services hand out absolute URLs for files; the app reaches the same path at its own origin (the gateway
 * passes /imports/* and /attachments/* on), so it works behind any host name or the dev server's proxy.
 */
export function sameOrigin(url: string): string {
  const parsed = new URL(url, window.location.href);
  return parsed.pathname + parsed.search;
}

async function authorization(): Promise<Record<string, string>> {
  const token = await session.accessToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions {
  signal?: AbortSignal;
  /** PUT unless told (imports take PUT to their own URL; attachments are POSTed to a collection). */
  method?: 'PUT' | 'POST';
  /** When the browser does not know the file's type. */
  fallbackType?: string;
}

/** Sends a file with the session's token, reporting progress; resolves with the JSON answer. */
export async function uploadFile(url: string, file: Blob, onProgress: (p: UploadProgress) => void, options: UploadOptions = {}): Promise<unknown> {
  const { signal, method = 'PUT', fallbackType = 'text/csv' } = options;
  const headers = await authorization();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, sameOrigin(url));
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('content-type', file.type || fallbackType);
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText));
        } catch {
          resolve(null);
        }
        return;
      }
      const [detail] = parseErrorBody(xhr.responseText);
      reject(
        new UploadError(
          detail ?? {
            code: xhr.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL',
            message: fallbackMessage(xhr.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL'),
          },
        ),
      );
    };
    xhr.onerror = () => reject(new UploadError({ code: 'NETWORK', message: fallbackMessage('NETWORK') }));
    xhr.onabort = () => reject(new UploadError({ code: 'NETWORK', message: 'The upload was cancelled.' }));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

/** Downloads a file that needs the session's token, and hands it to the browser under `filename`. */
export async function downloadFile(url: string, filename: string): Promise<void> {
  saveBlob(await fetchFileBlob(url), filename);
}

/** A file that needs the session's token, whole, in memory (a picture to show, a file to save). */
export async function fetchFileBlob(url: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(sameOrigin(url), { headers: await authorization() });
  } catch {
    throw new UploadError({ code: 'NETWORK', message: fallbackMessage('NETWORK') });
  }
  if (!response.ok) {
    const [detail] = parseErrorBody(await response.text());
    throw new UploadError(detail ?? { code: 'INTERNAL', message: fallbackMessage(response.status === 404 ? 'NOT_FOUND' : 'INTERNAL') });
  }
  return response.blob();
}

/**
 * The start of a file that needs the session's token, as text (a preview, e.g. an import's first failed rows):
 * reads at most `maxBytes` and drops the rest of the stream, however large the file is.
 */
export async function readFileStart(url: string, maxBytes = 32 * 1024): Promise<string> {
  let response: Response;
  try {
    response = await fetch(sameOrigin(url), { headers: await authorization() });
  } catch {
    throw new UploadError({ code: 'NETWORK', message: fallbackMessage('NETWORK') });
  }
  if (!response.ok || !response.body) {
    const [detail] = parseErrorBody(await response.text());
    throw new UploadError(detail ?? { code: 'INTERNAL', message: fallbackMessage(response.status === 404 ? 'NOT_FOUND' : 'INTERNAL') });
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  while (bytes < maxBytes) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel().catch(() => undefined);
  return text.replace(/^\uFEFF/, '');
}

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
