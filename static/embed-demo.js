// The embedding demo's script (embed-demo.html): points each iframe at the
// playground with this page's origin allowed, shows the podplay:ready and
// podplay:state messages they post, and sends commands to the second one.
//
// A playground in an iframe sandboxed without allow-same-origin has an opaque
// origin: its messages arrive with `event.origin === "null"`, so they are
// recognised by `event.source` (which iframe sent them), and messages to it
// are posted with targetOrigin "*" (there is no origin to name).
const playground = new URL('./', location.href);
const frames = [...document.querySelectorAll('iframe[data-query]')];
for (const frame of frames) {
  const query = new URLSearchParams(frame.dataset.query);
  query.set('origin', location.origin);
  frame.src = `${playground.pathname}?${query}`;
}

const log = document.getElementById('log');
window.addEventListener('message', (event) => {
  const frame = frames.find((f) => f.contentWindow === event.source);
  const data = event.data;
  if (!frame || typeof data !== 'object' || data === null || typeof data.type !== 'string') return;
  let text;
  if (data.type === 'podplay:ready') {
    text = `${frame.id}: ready`;
  } else if (data.type === 'podplay:state') {
    text = `${frame.id}: pod ${data.pod} is ${data.status} (phase ${data.phase}) at ${Number(data.time).toFixed(1)} s`;
  } else {
    return;
  }
  const item = document.createElement('li');
  item.textContent = text;
  item.dataset.frame = frame.id;
  item.dataset.type = data.type;
  log.append(item);
});

const send = (message) => document.getElementById('second').contentWindow.postMessage(message, '*');
document.getElementById('get-pods').addEventListener('click', () =>
  send({ type: 'podplay:command', line: 'kubectl get pods' }));
document.getElementById('play').addEventListener('click', () => send({ type: 'podplay:play' }));
document.getElementById('pause').addEventListener('click', () => send({ type: 'podplay:pause' }));
