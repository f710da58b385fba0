/** Knowledge valid for a period: the documents in force on a date, families, one index per window. */
import { boundaries, DatedKnowledge, familyOf, inForce, versionsOf } from './dated';
import { testDoc as doc } from '../../test/helpers/knowledgeDoc';


const before = doc('status-before', { effective: { from: '2025-08-29', to: '2027-06-30' }, body: 'Commercial de minimis is suspended.', related: ['other'] });
const after = doc('status-after', { family: 'status-before', label: 'Label status-before', effective: { from: '2027-07-01' }, body: 'Commercial de minimis ended by law.' });
const other = doc('other', { related: ['status-before'] });

describe('dates', () => {
  it('serves a document from its first to its last day, both included', () => {
    expect(inForce(before, '2025-08-28')).toBe(false);
    expect(inForce(before, '2025-08-29')).toBe(true);
    expect(inForce(before, '2027-06-30')).toBe(true);
    expect(inForce(before, '2027-07-01')).toBe(false);
    expect(inForce(other, '1999-01-01')).toBe(true);
  });

  it('finds the days on which the served set changes', () => {
    expect(boundaries([before, after, other])).toEqual(['2025-08-29', '2027-07-01']);
  });

  it('reads the family from the front matter, else the id', () => {
    expect(familyOf(after)).toBe('status-before');
    expect(familyOf(before)).toBe('status-before');
  });
});

describe('DatedKnowledge', () => {
  const dated = new DatedKnowledge([before, after, other]);

  it('indexes only the documents in force on the date', () => {
    expect(dated.at('2026-12-02').documents.map((d) => d.id).sort()).toEqual(['other', 'status-before']);
    expect(dated.at('2027-07-15').documents.map((d) => d.id).sort()).toEqual(['other', 'status-after']);
  });

  it('answers with the version in force', () => {
    expect(dated.at('2027-06-30').answer('Label status-before').best?.id).toBe('status-before');
    expect(dated.at('2027-07-01').answer('Label status-before').best?.id).toBe('status-after');
  });

  it('resolves any version id or the family to the version in force (links, feedback, teach)', () => {
    const kb = dated.at('2027-07-15');
    expect(kb.get('status-before')?.id).toBe('status-after');
    expect(kb.get('status-after')?.id).toBe('status-after');
    expect(kb.lookup('status-before')?.id).toBe('status-after');
    expect(dated.at('2026-12-02').get('status-after')?.id).toBe('status-before');
    expect(kb.get('nope')).toBeUndefined();
    expect(dated.resolve('status-after', '2026-01-01')).toBe('status-before');
  });

  it('keeps one index per validity window', () => {
    expect(dated.at('2026-01-01')).toBe(dated.at('2027-06-30'));
    expect(dated.at('2027-07-01')).toBe(dated.at('2030-06-01'));
    expect(dated.at('2027-07-01')).not.toBe(dated.at('2027-06-30'));
    expect(dated.windowStart('2027-07-15')).toBe('2027-07-01');
    expect(dated.windowStart('2020-01-01')).toBe('');
  });

  it('lists every version of a topic, oldest first', () => {
    expect(dated.versions('status-after').map((d) => d.id)).toEqual(['status-before', 'status-after']);
    expect(versionsOf(dated.at('2027-07-15').get('status-after')!).map((d) => d.id)).toEqual(['status-before', 'status-after']);
    expect(versionsOf(other).map((d) => d.id)).toEqual(['other']);
  });

  it('sends questions taught to any version to the version in force', () => {
    const taught = new DatedKnowledge([before, after, other], undefined, { taught: { 'status-before': ['is the cheap parcel thing over'] } });
    expect(taught.at('2026-12-02').answer('is the cheap parcel thing over').best?.id).toBe('status-before');
    expect(taught.at('2027-07-02').answer('is the cheap parcel thing over').best?.id).toBe('status-after');
  });
});
