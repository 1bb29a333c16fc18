// The demo page: a live news list for the topics in ?topics= (default world,tech,markets), and,
// once signed in, the user's notifications and a form to publish news; over JSON, or over CBOR
// with ?protocol=cbor.
import { Bulletin } from './bulletin.js';

const query = new URLSearchParams(location.search);
const topics = (query.get('topics') ?? 'world,tech,markets')
  .split(',').map(topic => topic.trim()).filter(Boolean);
const protocol = query.get('protocol') === 'cbor' ? 'cbor' : 'json';
const $ = id => document.getElementById(id);
const STORED = 'bulletin:demo:news';
const SHOWN = 50;

let authorization = null; // kept in memory only: a reload signs out
let countdown = null;      // the reconnect countdown's timer: connect() reports a state at once, so declared first

// --- news -------------------------------------------------------------------------------

const news = new Bulletin({ endpoint: 'news', protocol });
const items = JSON.parse(sessionStorage.getItem(STORED) ?? '[]');
items.forEach(render);

news.addEventListener('news', ({ detail }) => {
  render(detail);
  items.push(detail);
  sessionStorage.setItem(STORED, JSON.stringify(items.slice(-SHOWN)));
});
news.addEventListener('state', ({ detail }) => showState(detail));
news.addEventListener('gap', ({ detail }) => note(`some ${detail.topic} items were missed while away`));
news.subscribe(topics, { recent: 20 });
news.connect();

$('topics').textContent = topics.join(', ');
$('protocol').textContent = protocol.toUpperCase();
for (const topic of topics) {
  $('publish').topic.append(new Option(topic));
}

function render({ topic, item }) {
  const entry = document.createElement('li');
  entry.className = `news priority-${item.priority}`;
  entry.dataset.id = item.id;
  const title = item.url ? link(item.url, item.title) : text('strong', item.title);
  entry.append(title, text('span', topic, 'topic'), time(item.publishedAt), text('span', item.priority, 'priority'));
  $('news').prepend(entry);
  while ($('news').children.length > SHOWN) {
    $('news').lastElementChild.remove();
  }
}

// --- connection state ---------------------------------------------------------------------

function showState({ state, retryIn }) {
  clearInterval(countdown);
  const shown = $('state');
  shown.dataset.state = state;
  if (state === 'reconnecting') {
    const until = Date.now() + retryIn;
    const tick = () => { shown.textContent = `reconnecting in ${Math.max(0, Math.ceil((until - Date.now()) / 1000))} s`; };
    tick();
    countdown = setInterval(tick, 500);
  } else {
    shown.textContent = state;
  }
}

function note(message) {
  $('state').textContent = message;
}

// --- signing in, notifications --------------------------------------------------------------

let inbox = null;
const unread = new Map(); // id -> list entry

$('sign-in').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.target;
  authorization = 'Basic ' + btoa(`${form.user.value}:${form.password.value}`);
  try {
    await ticket(); // checks the credentials before anything is shown
  } catch (failure) {
    authorization = null;
    note(`sign-in failed: ${failure.message}`);
    return;
  }
  form.hidden = true;
  $('account').hidden = false;
  $('publishing').hidden = false;
  $('who').textContent = form.user.value;
  inbox = new Bulletin({ endpoint: 'notifications', ticket, storage: null, protocol });
  inbox.addEventListener('notification', ({ detail }) => addNotification(detail.item));
  inbox.addEventListener('read', ({ detail }) => detail.ids.forEach(markedRead));
  inbox.addEventListener('stopped', ({ detail }) => note(`notifications stopped (${detail.code})`));
  inbox.connect();
});

async function ticket() {
  const answer = await fetch('api/tickets', { method: 'POST', headers: { Authorization: authorization, 'Content-Type': 'application/json' } });
  if (!answer.ok) {
    throw new Error(answer.status === 401 ? 'wrong user or password' : `status ${answer.status}`);
  }
  return (await answer.json()).ticket;
}

$('bell').addEventListener('click', () => {
  const open = $('inbox').hidden;
  $('inbox').hidden = !open;
  $('bell').setAttribute('aria-expanded', String(open));
});

function addNotification(item) {
  const entry = document.createElement('li');
  entry.className = item.read ? 'notification read' : 'notification';
  entry.dataset.id = item.id;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Mark as read';
  button.addEventListener('click', () => inbox.ack([item.id]));
  entry.append(text('strong', item.title), text('span', item.body ?? ''), time(item.createdAt));
  if (!item.read) {
    entry.append(button);
    unread.set(item.id, entry);
  }
  $('notifications').prepend(entry);
  showUnread();
}

function markedRead(id) {
  const entry = unread.get(id);
  if (entry) {
    unread.delete(id);
    entry.classList.add('read');
    entry.querySelector('button')?.remove();
    showUnread();
  }
}

function showUnread() {
  $('unread').textContent = String(unread.size);
  $('bell').setAttribute('aria-label', `Notifications, ${unread.size} unread`);
}

// --- publishing --------------------------------------------------------------------------

$('publish').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.target;
  const body = { topic: form.topic.value, title: form.title.value, priority: form.priority.value };
  if (form.url.value) {
    body.url = form.url.value;
  }
  const answer = await fetch('api/news', {
    method: 'POST',
    headers: { Authorization: authorization, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const result = await answer.json();
  $('publish-result').textContent = answer.ok ? `published (${result.cursor})` : result.detail;
  if (answer.ok) {
    form.title.value = '';
  }
});

// --- small helpers -------------------------------------------------------------------------

function text(tag, content, className) {
  const element = document.createElement(tag);
  element.textContent = content; // data, never markup
  if (className) {
    element.className = className;
  }
  return element;
}

function link(href, content) {
  const anchor = text('a', content);
  if (/^https?:/i.test(href)) {
    anchor.href = href;
    anchor.rel = 'noopener noreferrer';
  }
  return anchor;
}

function time(iso) {
  const element = text('time', new Date(iso).toLocaleString());
  element.dateTime = iso;
  return element;
}
