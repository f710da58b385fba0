import path from 'node:path';
import { displayPath, displayPathsIn, kbReport } from './kb';
import type { KnowledgeDoc } from '../knowledge/types';

describe('paths shown to people (issue 13: kb and /readyz showed absolute paths)', () => {
  it('relative to the working directory; outside it only the last two parts', () => {
    expect(displayPath('/app/knowledge/gifts/gift-exemption.md', '/app')).toBe('knowledge/gifts/gift-exemption.md');
    expect(displayPath('/srv/data/outbox/sent', '/app')).toBe('…/outbox/sent');
    expect(displayPath('knowledge/gifts/gift-exemption.md', '/app')).toBe('knowledge/gifts/gift-exemption.md');
  });

  it('inside text, absolute paths only (URLs stay)', () => {
    expect(displayPathsIn('eml files in /app/var/outbox/sent', '/app')).toBe('eml files in var/outbox/sent');
    expect(displayPathsIn('smtp://mail.example.gov:587', '/app')).toBe('smtp://mail.example.gov:587');
  });

  it('the kb command shows the file relative to the working directory', () => {
    const doc = {
      id: 'gift-exemption', topic: 'gifts', title: 'Gifts', audience: ['consumer'], questions: [], body: 'Answer.', sources: [],
      related: [], reviewed: '2026-11-25', file: path.join(process.cwd(), 'knowledge', 'gifts', 'gift-exemption.md'),
    } as unknown as KnowledgeDoc;
    const reply = kbReport(doc, 'gift');
    expect(reply.markdown).toContain(path.join('knowledge', 'gifts', 'gift-exemption.md'));
    expect(reply.markdown).not.toContain(process.cwd());
  });
});
