import {
  emptyAllowListPolicy,
  isAddressedToBot,
  isTenantAllowed,
  renderTeamsReply,
  stripBotMention,
  teamsAnswerCard,
  tenantAllowListNotice,
  tenantOf,
  TeamsActivityLike,
} from './teams';
import type { Reply } from './reply';

const answer: Reply = {
  kind: 'answer',
  title: 'Is duty-free de minimis still available?',
  markdown: 'No. Since 29 Aug 2025, packages of any value owe duties.\n\n- Your carrier collects the duty.\n- Keep the receipt.',
  sources: [{ title: 'CBP: De minimis', url: 'https://www.cbp.gov/trade/de-minimis' }],
  reviewed: '2026-11-25',
  suggestions: [{ label: 'Check my shipment' }, { label: 'Postal duty', value: 'postal-duty' }],
};

interface CardContent {
  version: string;
  body: { type: string; text?: string; style?: string; size?: string; isSubtle?: boolean; facts?: { title: string; value: string }[] }[];
  actions?: { type: string; title: string; data: unknown }[];
}

const content = (reply: Reply) => teamsAnswerCard(reply).content as CardContent;

describe('teamsAnswerCard', () => {
  it('is an Adaptive Card of schema 1.5 at most', () => {
    const card = teamsAnswerCard(answer);
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const [major, minor] = (card.content as CardContent).version.split('.').map(Number);
    expect(major * 100 + minor).toBeLessThanOrEqual(105);
  });

  it('uses only elements, actions and properties that exist in schema 1.5', () => {
    const card = content({ ...answer, facts: [{ label: 'Value', value: '$120' }] });
    const elements = new Set(card.body.map((b) => b.type));
    expect([...elements].every((t) => ['TextBlock', 'FactSet'].includes(t))).toBe(true);
    expect(card.actions!.every((a) => a.type === 'Action.Submit')).toBe(true);
    // Action.Execute (1.4, Universal Actions) would need an invoke handler; Table (1.5) renders badly on mobile.
    expect(JSON.stringify(card)).not.toMatch(/Action\.Execute|"Table"|"Icon"|"Badge"/);
  });

  it('has the title as a heading, the answer, and a small subtle source link with the reviewed date', () => {
    const body = content(answer).body;
    expect(body[0]).toMatchObject({ type: 'TextBlock', text: answer.title, style: 'heading' });
    const texts = body.map((b) => b.text ?? '').join('\n');
    expect(texts).toContain('No. Since 29 Aug 2025, packages of any value owe duties.');
    expect(texts).toContain('- Your carrier collects the duty.');
    const citation = body[body.length - 1];
    expect(citation).toMatchObject({ size: 'Small', isSubtle: true });
    expect(citation.text).toContain('[CBP: De minimis](https://www.cbp.gov/trade/de-minimis)');
    expect(citation.text).toContain('Reviewed 25 Nov 2026');
  });

  it('turns suggestions into Action.Submit messageBack buttons that also carry value.text', () => {
    expect(content(answer).actions).toEqual([
      {
        type: 'Action.Submit',
        title: 'Check my shipment',
        data: { msteams: { type: 'messageBack', text: 'Check my shipment', displayText: 'Check my shipment' }, text: 'Check my shipment' },
      },
      {
        type: 'Action.Submit',
        title: 'Postal duty',
        data: { msteams: { type: 'messageBack', text: 'postal-duty', displayText: 'Postal duty' }, text: 'postal-duty' },
      },
    ]);
  });

  it('shows a verdict\'s facts as a FactSet and renders headings as bold text', () => {
    const verdict: Reply = { kind: 'verdict', title: 'Duty-free?', markdown: '## Result\n\nNo.', facts: [{ label: 'Value', value: '$120' }] };
    const body = content(verdict).body;
    expect(body.find((b) => b.type === 'FactSet')?.facts).toEqual([{ title: 'Value', value: '$120' }]);
    expect(body.some((b) => b.text === '**Result**')).toBe(true);
    expect(body.some((b) => (b.text ?? '').includes('##'))).toBe(false);
  });
});

describe('renderTeamsReply', () => {
  it('sends answers as a card with the title as text', () => {
    const activity = renderTeamsReply(answer);
    expect(activity.type).toBe('message');
    expect(activity.text).toBe(answer.title);
    expect(activity.attachments).toHaveLength(1);
    expect(activity.suggestedActions).toBeUndefined();
  });

  it('sends prompts as markdown text plus a buttons-only card, and never suggestedActions', () => {
    const prompt: Reply = { kind: 'prompt', markdown: 'Was it a **gift**?', suggestions: [{ label: 'Yes' }, { label: 'No' }] };
    const activity = renderTeamsReply(prompt);
    expect(activity.text).toBe('Was it a **gift**?');
    expect(activity.textFormat).toBe('markdown');
    expect(activity.suggestedActions).toBeUndefined();
    const card = activity.attachments![0].content as CardContent;
    expect(card.body).toEqual([]);
    expect(card.actions!.map((a) => a.title)).toEqual(['Yes', 'No']);
  });

  it('sends info without suggestions as text only, facts and citation included', () => {
    const info: Reply = { kind: 'info', markdown: 'Done.', facts: [{ label: 'Documents', value: '42' }], reviewed: '2026-11-25' };
    const activity = renderTeamsReply(info);
    expect(activity.attachments).toBeUndefined();
    expect(activity.text).toBe('Done.\n\n- **Documents:** 42\n\nReviewed 25 Nov 2026');
  });
});

const bot = { id: '28:bot-app-id', name: 'CBP Assistant' };
const mentionOfBot = { type: 'mention', mentioned: { id: bot.id, name: bot.name }, text: '<at>CBP Assistant</at>' };
const mentionOfDana = { type: 'mention', mentioned: { id: '29:dana', name: 'Dana Ruiz' }, text: '<at>Dana Ruiz</at>' };

describe('stripBotMention', () => {
  it('removes the bot mention and trims', () => {
    const activity = { text: '<at>CBP Assistant</at>&nbsp;is $800 still duty-free? ', recipient: bot, entities: [mentionOfBot] };
    expect(stripBotMention(activity)).toBe('is $800 still duty-free?');
  });

  it('keeps other people\'s mentions', () => {
    const activity = { text: '<at>CBP Assistant</at> stats for <at>Dana Ruiz</at>', recipient: bot, entities: [mentionOfBot, mentionOfDana] };
    expect(stripBotMention(activity)).toBe('stats for <at>Dana Ruiz</at>');
  });

  it('leaves text without a bot mention unchanged (apart from trimming)', () => {
    expect(stripBotMention({ text: '  what is de minimis ', recipient: bot })).toBe('what is de minimis');
    expect(stripBotMention({ text: 'ask <at>Dana Ruiz</at>', recipient: bot, entities: [mentionOfDana] })).toBe('ask <at>Dana Ruiz</at>');
  });

  it('matches the bot id with or without the 28: prefix, and the tag by name when spacing differs', () => {
    const entity = { type: 'mention', mentioned: { id: 'bot-app-id', name: 'CBP Assistant' }, text: '<at>CBP Assistant</at>' };
    expect(stripBotMention({ text: '<at> CBP Assistant </at> kb gifts', recipient: bot, entities: [entity] })).toBe('kb gifts');
  });
});

describe('isAddressedToBot', () => {
  const base: TeamsActivityLike = { text: 'hello', recipient: bot };
  it('is true in personal chat, and when no conversation type is given', () => {
    expect(isAddressedToBot({ ...base, conversation: { conversationType: 'personal' } })).toBe(true);
    expect(isAddressedToBot(base)).toBe(true);
  });

  it('needs a mention of the bot in channels and group chats', () => {
    for (const conversationType of ['channel', 'groupChat']) {
      expect(isAddressedToBot({ ...base, conversation: { conversationType } })).toBe(false);
      expect(isAddressedToBot({ ...base, conversation: { conversationType }, entities: [mentionOfDana] })).toBe(false);
      expect(isAddressedToBot({ ...base, conversation: { conversationType }, entities: [mentionOfBot] })).toBe(true);
    }
  });

  it('takes clicks on the bot\'s card buttons in a channel (they carry a value, no mention)', () => {
    expect(isAddressedToBot({ ...base, conversation: { conversationType: 'channel' }, value: { text: 'Check my shipment' } })).toBe(true);
  });
});

describe('tenants', () => {
  const from = (id: string): TeamsActivityLike => ({ channelData: { tenant: { id } } });

  it('reads the tenant from channelData, else from the conversation', () => {
    expect(tenantOf(from('72f988bf-86f1-41af-91ab-2d7cd011db47'))).toBe('72f988bf-86f1-41af-91ab-2d7cd011db47');
    expect(tenantOf({ conversation: { tenantId: 'abc' } })).toBe('abc');
    expect(tenantOf({})).toBeUndefined();
  });

  it('allows listed tenants, case-insensitively, and refuses others', () => {
    const allowed = ['72F988BF-86F1-41AF-91AB-2D7CD011DB47'];
    expect(isTenantAllowed(from('72f988bf-86f1-41af-91ab-2d7cd011db47'), allowed)).toBe(true);
    expect(isTenantAllowed(from('00000000-0000-0000-0000-000000000001'), allowed)).toBe(false);
    expect(isTenantAllowed({}, allowed)).toBe(false);
  });

  it('applies an explicit policy to an empty list: closed by default and in production, open in development', () => {
    expect(isTenantAllowed(from('any'), [])).toBe(false);
    expect(isTenantAllowed(from('any'), [], emptyAllowListPolicy('production'))).toBe(false);
    expect(isTenantAllowed(from('any'), [], emptyAllowListPolicy('development'))).toBe(true);
    expect(tenantAllowListNotice([], 'development')).toMatch(/any Microsoft 365 tenant/);
    expect(tenantAllowListNotice(['a'], 'production')).toBeUndefined();
  });
});
