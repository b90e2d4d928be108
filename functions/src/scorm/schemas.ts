import { z } from '@hono/zod-openapi';
import { uploadRequestSchema } from '../platform/uploads/schemas';
import { importLimits } from './domain/import-rules';
import { packageContentTypes } from './service';

export const Id = z.string().min(1).max(80).regex(/^[A-Za-z0-9_-]+$/);

export const PackageUploadRequestSchema = uploadRequestSchema('ScormUploadRequest', packageContentTypes, importLimits.maxZipBytes, 'Een SCORM-pakket als zip (application/zip of application/x-zip-compressed)');

const Person = z.object({ id: z.string(), name: z.string() });

export const ImportStatusSchema = z.enum(['queued', 'checking', 'extracting', 'ready', 'failed']);

export const ScormImportSchema = z
  .object({
    importId: z.string(),
    moduleId: z.string(),
    status: ImportStatusSchema.openapi({ description: 'queued → checking → extracting → ready, or failed (see `error`)' }),
    fileName: z.string(),
    bytes: z.number().int().openapi({ description: 'Size of the uploaded zip' }),
    stages: z.array(z.object({ stage: ImportStatusSchema, at: z.string() })).openapi({ description: 'The stages passed so far, in order, with when each began' }),
    createdAt: z.string(),
    createdBy: Person,
    updatedAt: z.string(),
    version: z.number().int().optional().openapi({ description: 'The package version this import became (when ready)' }),
    error: z.object({ code: z.string(), message: z.string() }).optional().openapi({ description: 'Why the package was refused, for the author, in the language of the request' }),
  })
  .openapi('ScormImport');

export const ScormVersionSchema = z
  .object({
    version: z.number().int(),
    importId: z.string(),
    title: z.string().openapi({ description: 'Plain text from the manifest' }),
    scormVersion: z.enum(['1.2', '2004']),
    edition: z.string().optional().openapi({ description: 'SCORM 2004 edition (2nd, 3rd, 4th)' }),
    scoCount: z.number().int().openapi({ description: 'Launchable items whose resource is a SCO (talks to the runtime)' }),
    launchableCount: z.number().int().openapi({ description: 'Launchable items (SCOs and assets) of the default organization' }),
    fileCount: z.number().int(),
    bytes: z.number().int(),
    launch: z.string().openapi({ description: 'The first launchable item, relative to the package root' }),
    importedAt: z.string(),
    importedBy: Person,
  })
  .openapi('ScormVersion');

export const ScormPackageSchema = z
  .object({
    moduleId: z.string(),
    latestVersion: z.number().int().nullable().openapi({ description: 'The version new attempts launch; null before the first import' }),
    latest: ScormVersionSchema.nullable(),
    versions: z.array(ScormVersionSchema).openapi({ description: 'Newest first' }),
  })
  .openapi('ScormPackage');
