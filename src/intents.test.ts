import { detectIntent } from './intents';

describe('detectIntent', () => {
  test.each([
    ['hi', 'greeting'],
    ['Hello there!', 'greeting'],
    ['thanks!', 'thanks'],
    ['Thank you so much', 'thanks'],
    ['what can you do?', 'capabilities'],
    ['Cancel', 'cancel'],
    ['never mind', 'cancel'],
    ['help', 'help'],
    ['?', 'help'],
    ['go back', 'back'],
    ['Start over', 'restart'],
    ['Talk to a person', 'escalate'],
    ['can I speak with a human', 'escalate'],
    ['Email the E-Commerce team', 'escalate'],
    ['contact the e-commerce team', 'escalate'],
    ['email cbp', 'escalate'],
    ['Check my shipment', 'check-shipment'],
    ['Hi, can you check my shipment? Thanks', 'check-shipment'],
    ['please check my package', 'check-shipment'],
    ['does my package qualify for duty-free?', 'check-shipment'],
    ['do I have to pay duty on a $50 order from the UK', 'check-shipment'],
    ['my package arrived in March 2025, should I have paid duty?', 'check-shipment'],
    ['Helpful', 'helpful'],
    ['Not helpful', 'not-helpful'],
  ])('%s → %s', (text, intent) => {
    expect(detectIntent(text)).toBe(intent);
  });

  test.each([
    'is the $800 de minimis still a thing in 2026?',
    'i orderd a $40 shirt from a UK shop why do i owe duty??',
    'can cbp stop a fake seller?',
    'help me understand the informal entry limit',
    'what is a customs broker',
    'where do i report a counterfit seller',
    'can you check my package status',
    '',
  ])('%s is a question for the knowledge base', (text) => {
    expect(detectIntent(text)).toBeUndefined();
  });
});
