/*
 * CBP E-Commerce Assistant — the embeddable chat widget.
 *
 * Embed (see web/EMBED.md):
 *   <div id="cbp-ecommerce-chat"></div>
 *   <script src="https://<bot host>/static/widget.js" async></script>
 *
 * It finds the div, loads its stylesheet (widget.css) and Microsoft Web Chat from the bot's host
 * if the page has not loaded them, gets a Direct Line connection and renders the chat. Settings come from data- attributes on
 * the div; every one is optional on the real site:
 *   data-mode               "token" (default: token from the bot's /api/directline/token, then the
 *                           Direct Line service) or "local-directline" (development: the bot's own
 *                           /v3/directline, polling)
 *   data-token-url          default <bot host>/api/directline/token
 *   data-directline-domain  Direct Line REST base, e.g. a regional one (default: Web Chat's)
 *   data-webchat-src        Web Chat bundle (default <bot host>/webchat/webchat.js)
 *   data-locale             default en-US
 *   data-title              heading of the chat (default "Ask the E-Commerce Assistant")
 *   data-heading-level      2–6 (default 2)
 * Under a Content-Security-Policy, give this script tag a nonce: Web Chat's <style> tags get it.
 *
 * Contract with the bot: once connected, the widget sends one event activity
 *   { type: 'event', name: 'webchat/join', value: { locale } }
 * and the bot answers it with the welcome (the page does not rely on conversationUpdate).
 *
 * Plain ES2017, no build step, no globals besides what Web Chat defines.
 */
(function () {
  'use strict';

  var HOST_ID = 'cbp-ecommerce-chat';
  var JOIN_EVENT = 'webchat/join';
  var PLACEHOLDER = 'Ask about shipments, duties or counterfeits';
  var ACCENT = '#005ea2';
  var NAVY = '#162e51';
  var INK = '#1b1b1b';
  var FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

  // document.currentScript is only set while this file first runs: read what we need now.
  var thisScript = document.currentScript;
  var botOrigin = new URL(thisScript && thisScript.src ? thisScript.src : window.location.href, window.location.href).origin;
  // The nonce attribute is hidden from getAttribute() once the page is parsed; the property is not.
  var nonce = (thisScript && thisScript.nonce) || undefined;

  /** Web Chat's look: the page's accent color, initials avatars, wrapping suggested actions. */
  var styleOptions = {
    accent: ACCENT,
    primaryFont: FONT,
    subtle: '#565c65',
    backgroundColor: '#ffffff',
    avatarSize: 36,
    botAvatarInitials: 'CBP',
    botAvatarBackgroundColor: NAVY,
    userAvatarInitials: 'You',
    userAvatarBackgroundColor: ACCENT,
    bubbleBackground: '#f0f0f0',
    bubbleBorderColor: '#dfe1e2',
    bubbleBorderRadius: 6,
    bubbleTextColor: INK,
    bubbleFromUserBackground: '#d9e8f6',
    bubbleFromUserBorderColor: '#73b3e7',
    bubbleFromUserBorderRadius: 6,
    bubbleFromUserTextColor: INK,
    // The default minimum (250 px) overflows a 320 px screen once the avatar is added.
    bubbleMinWidth: 0,
    bubbleMaxWidth: 640,
    hideUploadButton: true,
    sendBoxTextWrap: true,
    sendBoxBorderTop: '1px solid #a9aeb1',
    suggestedActionLayout: 'flow',
    suggestedActionBorderColor: ACCENT,
    suggestedActionBorderRadius: 4,
    suggestedActionBorderWidth: 2,
    suggestedActionTextColor: ACCENT,
    suggestedActionBackgroundColorOnHover: '#d9e8f6',
    suggestedActionKeyboardFocusIndicatorBorderColor: NAVY,
    suggestedActionKeyboardFocusIndicatorBorderStyle: 'solid',
    suggestedActionKeyboardFocusIndicatorBorderWidth: 2,
    transcriptActivityVisualKeyboardIndicatorColor: NAVY,
    transcriptActivityVisualKeyboardIndicatorStyle: 'solid',
    transcriptActivityVisualKeyboardIndicatorWidth: 2
  };

  function absoluteUrl(url) {
    return new URL(url, botOrigin + '/').href;
  }

  function readSettings(host) {
    var data = host.dataset;
    var mode = data.mode === 'local-directline' ? 'local-directline' : 'token';
    var level = Math.min(6, Math.max(2, parseInt(data.headingLevel || '2', 10) || 2));
    var domain = data.directlineDomain ? absoluteUrl(data.directlineDomain) : undefined;
    return {
      mode: mode,
      tokenUrl: absoluteUrl(data.tokenUrl || '/api/directline/token'),
      directLineDomain: mode === 'local-directline' ? domain || absoluteUrl('/v3/directline') : domain,
      webchatSrc: absoluteUrl(data.webchatSrc || '/webchat/webchat.js'),
      locale: data.locale || 'en-US',
      title: data.title || 'Ask the E-Commerce Assistant',
      headingLevel: level
    };
  }

  /** Loads Web Chat unless the page already has it. */
  function loadWebChat(src) {
    if (window.WebChat && window.WebChat.renderWebChat) return Promise.resolve(window.WebChat);
    return new Promise(function (resolve, reject) {
      var existing = document.querySelector('script[data-cbp-webchat]');
      var script = existing || document.createElement('script');
      script.addEventListener('load', function () {
        if (window.WebChat && window.WebChat.renderWebChat) resolve(window.WebChat);
        else reject(new Error('Web Chat did not load'));
      });
      script.addEventListener('error', function () { reject(new Error('Web Chat could not be downloaded')); });
      if (!existing) {
        script.src = src;
        script.async = true;
        script.setAttribute('data-cbp-webchat', '');
        if (nonce) script.nonce = nonce;
        document.head.appendChild(script);
      }
    });
  }

  /** The widget's scoped stylesheet, from the bot's host, unless the page already links it. */
  function loadWidgetStyles() {
    var href = absoluteUrl('/static/widget.css');
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      if (links[i].href === href) return;
    }
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    if (nonce) link.nonce = nonce;
    document.head.appendChild(link);
  }

  function postJson(url, body, credentials) {
    var init = { method: 'POST', credentials: credentials, cache: 'no-store' };
    if (body !== undefined) {
      init.headers = { 'Content-Type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status + ' from ' + url);
      return response.json();
    });
  }

  /** A Direct Line connection for the configured mode. */
  function connect(WebChat, settings) {
    if (settings.mode === 'local-directline') {
      // The bot's own Direct Line (development): start a conversation, then poll it.
      // Web Chat's lower bound for polling is 200 ms; 300 ms makes replies feel instant.
      return postJson(settings.directLineDomain + '/conversations', { locale: settings.locale }, 'same-origin').then(function (conversation) {
        return WebChat.createDirectLine({ token: conversation.token, domain: settings.directLineDomain, webSocket: false, pollingInterval: 300 });
      });
    }
    // Production: a short-lived token from the bot (the secret stays on the server). No body, so
    // the cross-site request needs no preflight; the real Direct Line service streams over WebSocket.
    return postJson(settings.tokenUrl, undefined, 'omit').then(function (result) {
      var options = { token: result.token };
      if (settings.directLineDomain) options.domain = settings.directLineDomain;
      return WebChat.createDirectLine(options);
    });
  }

  /** A store that sends `webchat/join` once the connection is up, so the bot can say hello. */
  function createStore(WebChat, settings) {
    return WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          var result = next(action);
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: JOIN_EVENT, value: { locale: settings.locale } } });
          }
          return result;
        };
      };
    });
  }

  /** The region around Web Chat: a heading for screen readers and landmarks, a privacy note and a status line. */
  function buildRegion(host, settings) {
    while (host.firstChild) host.removeChild(host.firstChild);
    var section = document.createElement('section');
    section.className = 'cbp-chat';
    section.setAttribute('aria-labelledby', 'cbp-chat-title');

    var heading = document.createElement('h' + settings.headingLevel);
    heading.id = 'cbp-chat-title';
    heading.className = 'cbp-chat__title';
    heading.textContent = settings.title;

    var note = document.createElement('p');
    note.className = 'cbp-chat__note';
    note.textContent = 'Please do not share payment card numbers, passwords or government ID numbers in the chat.';

    var status = document.createElement('div');
    status.className = 'cbp-chat__status';
    status.setAttribute('role', 'status');
    status.textContent = 'Starting the chat…';

    var surface = document.createElement('div');
    surface.className = 'cbp-chat__webchat';

    section.appendChild(heading);
    section.appendChild(note);
    section.appendChild(status);
    section.appendChild(surface);
    host.appendChild(section);
    return { status: status, surface: surface };
  }

  function showFailure(region, retry) {
    region.status.textContent = '';
    region.status.className = 'cbp-chat__status cbp-chat__status--error';
    var message = document.createElement('p');
    message.textContent = 'The chat could not start. Please try again in a moment.';
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'cbp-chat__retry';
    button.textContent = 'Try again';
    button.addEventListener('click', retry);
    region.status.appendChild(message);
    region.status.appendChild(button);
  }

  function start(host) {
    var settings = readSettings(host);
    var region = buildRegion(host, settings);
    loadWebChat(settings.webchatSrc)
      .then(function (WebChat) {
        return connect(WebChat, settings).then(function (directLine) {
          WebChat.renderWebChat(
            {
              directLine: directLine,
              store: createStore(WebChat, settings),
              styleOptions: styleOptions,
              locale: settings.locale,
              nonce: nonce,
              // Our section is the labelled landmark; an unlabelled "region" inside it is not announced twice.
              role: 'region',
              overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: PLACEHOLDER }
            },
            region.surface
          );
          region.status.textContent = '';
          region.status.className = 'cbp-chat__status cbp-chat__status--ready';
        });
      })
      .catch(function (error) {
        if (window.console) console.warn('CBP chat:', error && error.message ? error.message : error);
        showFailure(region, function () { start(host); });
      });
  }

  function init() {
    var host = document.getElementById(HOST_ID);
    if (!host) {
      if (window.console) console.warn('CBP chat: no element with id "' + HOST_ID + '" on this page.');
      return;
    }
    if (host.getAttribute('data-cbp-started')) return;
    host.setAttribute('data-cbp-started', 'true');
    loadWidgetStyles();
    start(host);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
