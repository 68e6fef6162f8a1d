import {
  customerInspectionSchema,
  importSchema,
  inspectionSchema,
  rejectionPageSchema,
  resubmitResultSchema,
  undoOutcomeSchema,
  uploadSchema,
  type customerInspectRequestSchema,
  type inspectRequestSchema,
  type resubmitSchema,
  type startCustomerImportSchema,
  type startImportSchema,
} from '@contracts/imports.ts';
import { z } from 'zod';
import { ApiError } from './ApiError.ts';
import { request } from './apiClient.ts';

const jobSchema = importSchema;
const jobListSchema = z.object({ items: z.array(jobSchema) });

export type InspectRequest = z.input<typeof inspectRequestSchema>;
export type StartImport = z.input<typeof startImportSchema>;
export type CustomerInspectRequest = z.input<typeof customerInspectRequestSchema>;
export type CustomerInspection = z.output<typeof customerInspectionSchema>;
export type StartCustomerImport = z.input<typeof startCustomerImportSchema>;
export type Resubmit = z.input<typeof resubmitSchema>;
export type Upload = z.output<typeof uploadSchema>;
export type ImportJobView = z.output<typeof jobSchema>;
export type UndoOutcome = z.output<typeof undoOutcomeSchema>;

const path = (importId: string) => `/imports/${encodeURIComponent(importId)}`;

/** Imports of transaction and customer files: upload, inspect, start (or dry-run), follow, fix rejected rows, undo. */
export const importsApi = {
  upload: uploadFile,
  inspect: (body: InspectRequest, signal?: AbortSignal) => request('POST', '/imports/inspect', { body, signal, schema: inspectionSchema }),
  start: (body: StartImport) => request('POST', '/imports', { body, schema: jobSchema }),
  inspectCustomers: (body: CustomerInspectRequest, signal?: AbortSignal) => request('POST', '/imports/customers/inspect', { body, signal, schema: customerInspectionSchema }),
  startCustomers: (body: StartCustomerImport) => request('POST', '/imports/customers', { body, schema: jobSchema }),
  list: (signal?: AbortSignal) => request('GET', '/imports', { signal, schema: jobListSchema }).then((list) => list.items),
  get: (importId: string, signal?: AbortSignal) => request('GET', path(importId), { signal, schema: jobSchema }),
  rejections: (importId: string, query: { after: number; limit: number }, signal?: AbortSignal) =>
    request('GET', `${path(importId)}/rejections`, { query, signal, schema: rejectionPageSchema }),
  resubmit: (importId: string, body: Resubmit) => request('POST', `${path(importId)}/resubmit`, { body, schema: resubmitResultSchema }),
  /** Removes what the import created and puts back what it changed; 409 when it was undone already. */
  undo: (importId: string) => request('POST', `${path(importId)}/undo`, { schema: undoOutcomeSchema }),
  /** A plain download link: GET needs no CSRF token, and the browser streams the file to disk. */
  rejectionsCsvUrl: (importId: string) => `/api/v1${path(importId)}/rejections.csv`,
};

export interface UploadOptions {
  /** The session's CSRF token (the upload is a write). */
  csrfToken: string;
  /** Share of the file sent so far, 0..1. */
  onProgress?: (share: number) => void;
  signal?: AbortSignal;
}

/**
 * Sends a file as its raw bytes. XMLHttpRequest rather than fetch, because only it reports
 * upload progress, and files can be hundreds of megabytes.
 */
function uploadFile(file: File, { csrfToken, onProgress, signal }: UploadOptions): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/imports/uploads?${new URLSearchParams({ name: file.name })}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status < 200 || xhr.status >= 300) return reject(ApiError.fromResponse(xhr.status, body));
      const parsed = uploadSchema.safeParse(body);
      if (!parsed.success) return reject(new ApiError(xhr.status, 'response.invalid', 'The server sent an unexpected response', parsed.error.issues));
      resolve(parsed.data);
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network.unreachable', 'Could not reach the server')));
    xhr.addEventListener('abort', () => reject(new DOMException('The upload was cancelled', 'AbortError')));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
