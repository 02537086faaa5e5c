import { describe, expect, it } from 'vitest';
import { reference } from 'astro:content';
import { z } from 'astro/zod';
describe('smoke', () => { it('ref', async () => { const s = z.object({ a: reference('sources') }); const r = await s.safeParseAsync({ a: 'x' }); console.log(JSON.stringify(r)); expect(r.success).toBe(true); }); });
