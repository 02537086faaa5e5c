import { describe, expect, it } from 'vitest';
import { siteConfig } from '@/site.config';
describe('smoke', () => { it('alias', () => { expect(siteConfig.pageSize).toBe(20); }); });
