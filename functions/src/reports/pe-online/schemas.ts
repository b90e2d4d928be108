import { z } from '@hono/zod-openapi';
import { say } from '../../platform/http/language';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, say('Gebruik de vorm JJJJ-MM-DD', 'Use the form YYYY-MM-DD'));

export const AttendanceQuery = z
  .object({
    register: z.string().trim().min(1, say('Kies een register', 'Choose a register')).max(120).openapi({ description: 'Het register (id, of de naam zoals de accreditatie van de module die schrijft)' }),
    course: z.string().trim().min(1, say('Vul het cursus-id (accreditatienummer) in', 'Fill in the course id (accreditation number)')).max(60).openapi({ description: 'Cursus-id: het accreditatienummer' }),
    edition: z.string().trim().max(60).optional().openapi({ description: 'Editie-id; leeg = alle edities van de cursus' }),
    from: Day.optional().openapi({ description: 'Eerste dag (inclusief, Amsterdamse tijd)' }),
    to: Day.optional().openapi({ description: 'Laatste dag (inclusief, Amsterdamse tijd)' }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], ...say('De einddatum ligt voor de begindatum', 'The end date is before the start date') });
