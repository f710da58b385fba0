import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateKnowledge } from './index';
import { attributed, checkMarkup, checkSourceClaims, claimedAgencies } from './sourceChecks';
import type { KnowledgeDoc, Source } from './types';

function doc(sources: Source[], body = 'Answer.'): KnowledgeDoc {
  return {
    id: 'a-doc',
    title: 'Title',
    label: 'Label',
    topic: 'postal',
    audience: ['consumer'],
    questions: ['one question', 'two question', 'three question'],
    sources,
    reviewed: '2026-11-25',
    related: [],
    uncertain: false,
    body,
    file: 'knowledge/postal/a-doc.md',
  };
}

describe('sources that claim an agency (issue 13, finding 9)', () => {
  it.each([
    ['CBP Info Center', 'https://cbp-info-center.blogspot.com/faq', ['CBP']],
    ['CBP shares top five tips to avoid online scams (CBP release, 2023)', 'https://www.einpresswire.com/article/1', ['CBP']],
    ['Data Pilot opened and extended, 88 FR 10140 (16 Feb 2023)', 'https://federalstatelaw.com/x', ['Federal Register']],
    ['U.S. Customs and Border Protection – Know Before You Go', 'https://travel-tips.example.com/kbyg', ['CBP']],
    ['CSMS #64861116 – end of de minimis for China', 'https://content.govdelivery.com/bulletins/gd/SOMEONE-ELSE', ['CBP']],
    ['FDA – Imported cosmetics', 'https://fda.gov.example.com/cosmetics', ['FDA']],
    ['USDA APHIS – bringing plants', 'https://plants.example.org/', ['USDA']],
    ['CPSC eFiling', 'https://docs.shipstation.com/cpsc-efiling', ['CPSC']],
    ['FinCEN Form 105 (OMB record)', 'https://omb.report/icr/1', ['FinCEN', 'OMB']],
    ['TTB – Personal importation of beverage alcohol', 'https://alcohol.example.com/', ['TTB']],
    ['ATF Form 6', 'https://forms.example.com/atf6', ['ATF']],
    ['USPS Publication 52', 'https://usps.com.example.net/pub52', ['USPS']],
    ['HMRC – goods sent from abroad', 'https://uk-customs.example.com/', ['HMRC']],
    ['CBSA – Importing by mail', 'https://canada-import.example.com/', ['CBSA']],
  ])('"%s" on %s claims %j', (title, url, agencies) => {
    expect(claimedAgencies({ title, url })).toEqual(agencies);
  });

  it.each([
    ['CBP – E-Commerce FAQs', 'https://www.cbp.gov/trade/basic-import-export/e-commerce/faqs'],
    ['CBP Info Center (official help site)', 'https://help.cbp.gov'],
    ['CSMS #64861116 – end of de minimis for China and Hong Kong', 'https://content.govdelivery.com/bulletins/gd/USDHSCBP-3ddb3bc'],
    ['Executive Order 14324 (90 FR 37775)', 'https://www.govinfo.gov/content/pkg/FR-2025-08-05/html/2025-14897.htm'],
    ['USPS Publication 52, 422.11 – Alcoholic beverages', 'https://pe.usps.com/text/pub52/pub52c4_006.htm'],
    ['GOV.UK (HMRC) – Tax and customs for goods sent from abroad', 'https://www.gov.uk/goods-sent-from-abroad'],
    ['Canada Border Services Agency (CBSA) – home page', 'https://www.cbsa-asfc.gc.ca/'],
    // Says whose page it is: a publisher, or a copy.
    ['CBP readies stricter data requirements for postal imports (Supply Chain Dive)', 'https://www.supplychaindive.com/news/1'],
    ['CBP issues e-commerce strategy (ST&R, 2018)', 'https://www.strtrade.com/x'],
    ['De minimis suspension continued for all countries (CSMS #67845486, via BorderBuddy)', 'https://borderbuddy.com/x'],
    ['Data Pilot opened and extended, 88 FR 10140 (16 Feb 2023; copy on FederalStateLaw)', 'https://federalstatelaw.com/x'],
    ['FDA refusals: what to do after a notice of refusal (FDA Specialist)', 'https://mail.fdaspecialist.com/x'],
    ['CBP Form 3311 information collection (OMB.report)', 'https://omb.report/icr/1'],
    ['Over your duty-free limit: what happens next (Cocktail Wonk, quoting CBP)', 'https://cocktailwonk.com/x'],
    // Names no agency.
    ['Section 321 Type 86 FAQ (CustomsCity)', 'https://customscity.com/section-321-type-86-faq/'],
    ['UPS: Understanding Customs (UPS help page)', 'https://filexfer.ups.com/x'],
  ])('"%s" on %s is fine', (title, url) => {
    expect(claimedAgencies({ title, url })).toEqual([]);
  });

  it('a closing parenthesis attributes only when it names someone or says copy', () => {
    expect(attributed('X (Mondaq)')).toBe(true);
    expect(attributed('X (2016 release)')).toBe(false);
    expect(attributed('X (CBP)')).toBe(false);
    expect(attributed('X (Federal Register text)')).toBe(false);
    expect(attributed('X (FR doc 2026-12668)')).toBe(false);
    expect(attributed('X (mirror copy)')).toBe(true);
    expect(attributed('X without one')).toBe(false);
  });

  it('is an error naming the file, the source and a way to fix it', () => {
    const problems = checkSourceClaims([doc([{ title: 'CBP – E-Commerce', url: 'https://www.cbp.gov/x' }, { title: 'CBP Info Center', url: 'https://www.example-blog.com/cbp' }])]);
    expect(problems).toEqual([
      {
        file: 'knowledge/postal/a-doc.md',
        field: 'sources[1].title',
        problem: expect.stringMatching(/^"CBP Info Center" claims CBP but www\.example-blog\.com is not its site; say whose page it is, e\.g\. "… \(example-blog\.com summary\)"/),
        severity: 'error',
      },
    ]);
  });
});

describe('markup in documents (issue 13, finding 8)', () => {
  it.each([
    ['an HTML tag', 'See <a href="https://www.cbp.gov">CBP</a>.', /raw HTML \(<a href="https:\/\/www\.cbp\.gov">\)/],
    ['an image with a handler', 'Look: <img src=x onerror=alert(1)>', /raw HTML/],
    ['an HTML comment', 'Text <!-- hidden --> more', /raw HTML/],
    ['a javascript: link', 'Click [here](javascript:alert(1)).', /script or data link/],
    ['a javascript: link in spaces and capitals', 'Click [here]( JavaScript:alert(1)).', /script or data link/],
    ['a javascript: autolink', 'Go <javascript:alert(1)>', /script or data link/],
    ['a data: reference link', 'See [x].\n\n[x]: data:text/html;base64,PHNjcmlwdD4=', /script or data link/],
  ])('%s in the answer is an error naming the file', (_name, body, message) => {
    const problems = checkMarkup([doc([{ title: 'CBP', url: 'https://www.cbp.gov/' }], body)]);
    expect(problems).toEqual([{ file: 'knowledge/postal/a-doc.md', field: 'body', problem: expect.stringMatching(message), severity: 'error' }]);
  });

  it('markdown, autolinks, comparisons and code are fine', () => {
    const body = 'Under $800 (x < 800 and y > 2). See [CBP](https://www.cbp.gov) or <https://www.cbp.gov>, mail <ecommerce@cbp.dhs.gov>.\n\n```\n<b>code</b>\n```\n\nInline `<br>` too.';
    expect(checkMarkup([doc([{ title: 'CBP', url: 'https://www.cbp.gov/' }], body)])).toEqual([]);
  });

  it('HTML in a question or a source title is an error too', () => {
    const d = { ...doc([{ title: 'CBP <b>bold</b>', url: 'https://www.cbp.gov/' }]), questions: ['one <script>x</script>', 'two', 'three'] };
    expect(checkMarkup([d]).map((p) => p.field)).toEqual(['questions[0]', 'sources[0].title']);
  });
});

describe('kb:check runs both checks (validateKnowledge)', () => {
  it('refuses a document with a false agency title and one with HTML; today\'s knowledge folder passes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-sources-'));
    try {
      fs.mkdirSync(path.join(dir, 'postal'));
      const write = (id: string, source: string, body: string) =>
        fs.writeFileSync(
          path.join(dir, 'postal', `${id}.md`),
          `---\nid: ${id}\ntitle: Who pays duty on a parcel ${id}?\nlabel: Parcel ${id}\ntopic: postal\naudience: [consumer]\nquestions:\n  - who pays duty on parcel ${id}\n  - duty for parcel ${id}\n  - parcel ${id} duty payer\nsources:\n  - ${source}\nreviewed: 2026-11-20\n---\n${body}\n`,
        );
      write('alpha', '{ title: "CBP Info Center", url: "https://www.example-blog.com/cbp" }', 'The answer for alpha parcels.');
      write('beta', '{ title: "CBP – E-Commerce", url: "https://www.cbp.gov/trade/basic-import-export/e-commerce" }', 'The answer <b>for</b> beta parcels.');
      const errors = validateKnowledge(dir, { today: '2026-11-25' }).problems.filter((p) => p.severity === 'error');
      expect(errors.map((p) => `${path.basename(p.file)} ${p.field}`)).toEqual(expect.arrayContaining(['alpha.md sources[0].title', 'beta.md body']));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const problems = validateKnowledge('knowledge', { today: '2026-11-25' }).problems;
    expect(problems.filter((p) => /claims|raw HTML|script or data link/.test(p.problem))).toEqual([]);
  });
});
