/**
 * The waiting page's inline style and script. They are constants so the Content-Security-Policy can allow
 * exactly these two blocks by hash; nothing else may run or load.
 */
export const PAGE_STYLE = `
:root{color-scheme:light dark;--bg:#f6f7f9;--fg:#1b1f24;--muted:#5a6470;--card:#fff;--accent:#1d6fd1;--bad:#b3261e;--line:#d8dde3}
@media (prefers-color-scheme:dark){:root{--bg:#111417;--fg:#e8eaed;--muted:#a9b1ba;--card:#1b1f24;--accent:#7ab4ff;--bad:#ffb4ab;--line:#333a42}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
main{max-width:34rem;margin:0 auto;padding:1.5rem 1rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:1.25rem}
h1{font-size:1.4rem;margin:0 0 .25rem}
.room{color:var(--muted);margin:0 0 1rem;overflow-wrap:anywhere}
ol{list-style:none;padding:0;margin:1rem 0}
li{display:flex;gap:.6rem;align-items:center;padding:.35rem 0;color:var(--muted)}
li::before{content:"";flex:none;width:.9rem;height:.9rem;border-radius:50%;border:2px solid var(--muted)}
li[data-state=done]{color:var(--fg)}
li[data-state=done]::before{background:var(--accent);border-color:var(--accent)}
li[data-state=now]{color:var(--fg);font-weight:600}
li[data-state=now]::before{border-color:var(--accent);border-top-color:transparent;animation:spin 1s linear infinite}
@keyframes spin{to{transform:rotate(360deg)}}
.bar{height:.5rem;background:var(--line);border-radius:4px;overflow:hidden}
.bar span{display:block;height:100%;width:0;background:var(--accent);transition:width .8s}
.times{display:flex;justify-content:space-between;color:var(--muted);font-size:.9rem;margin-top:.4rem}
.msg{margin:1rem 0 0}
.help{margin-top:1rem;padding:.75rem;border-left:4px solid var(--bad);background:transparent}
.help[hidden]{display:none}
.help strong{color:var(--bad)}
a{color:var(--accent)}
button{font:inherit;margin-top:.5rem;padding:.4rem 1rem;border-radius:6px;border:1px solid var(--accent);background:var(--card);color:var(--fg);cursor:pointer}
@media (prefers-reduced-motion:reduce){li[data-state=now]::before{animation:none;border-top-color:var(--accent)}.bar span{transition:none}}
`;

/**
 * Reads its settings from the JSON block #cfg, polls the wake API and joins the meeting when ready. Every
 * answer that is not one of our status bodies (API Gateway's throttling JSON, an HTML error page, nothing at
 * all) is a failed poll: the page backs off with jitter, honours Retry-After and says so in words; it never
 * shows a raw body. In canonical mode it joins by reloading this very URL, but only after a HEAD of it answers
 * without the wake function's marker header (the meeting itself, not our failover), and at most a few times
 * per wake; then it says what is wrong instead of looping.
 */
export const PAGE_SCRIPT = `
(function(){
  var cfg = JSON.parse(document.getElementById('cfg').textContent), T = cfg.text;
  var steps = ['asleep','starting','checking','ready'], phases = ['asleep','waking','ready','stopping','error'];
  var el = function(id){ return document.getElementById(id); };
  var startedAt = null, expected = cfg.expectedSeconds, done = false, failures = 0, readyChecks = 0, stuck = false;
  var RELOADS = 'stz-reloads';
  function fmt(s){ s = Math.max(0, Math.round(s)); var m = Math.floor(s/60), r = s%60; return m + ':' + (r<10?'0':'') + r; }
  function fill(t, v){ return t.replace(/\\{(\\w+)\\}/g, function(_, k){ return String(v[k]); }); }
  function say(id, text){ var e = el(id); if (e.textContent !== text) e.textContent = text; }
  function isStatus(s){ return !!s && typeof s === 'object' && phases.indexOf(s.phase) >= 0; }
  function isView(v){ return !!v && typeof v === 'object' && typeof v.title === 'string' && typeof v.intro === 'string' && typeof v.detail === 'string'; }
  function show(phase, view){
    document.body.setAttribute('data-phase', phase);
    var reached = view.step ? steps.indexOf(view.step) : -1;
    steps.forEach(function(name, i){
      var li = el('step-' + name);
      li.setAttribute('data-state', i < reached ? 'done' : i === reached ? 'now' : 'todo');
      if (i === reached) li.setAttribute('aria-current', 'step'); else li.removeAttribute('aria-current');
    });
    say('phase', view.title); say('intro', view.intro); say('detail', view.detail);
    el('help').hidden = !view.help;
  }
  function render(status){
    show(status.phase, isView(status.view) ? status.view : cfg.fallback[status.phase]);
    if (typeof status.elapsedSeconds === 'number') startedAt = Date.now() - status.elapsedSeconds * 1000;
    tickClock();
  }
  function tickClock(){
    if (startedAt === null) { el('elapsed').textContent = '0:00'; el('left').textContent = cfg.estimateText; return; }
    var elapsed = (Date.now() - startedAt) / 1000, left = expected - elapsed;
    el('elapsed').textContent = fmt(elapsed);
    el('left').textContent = left > 0 ? fill(T.left, { t: fmt(left) }) : T.late;
    el('bar').style.width = Math.min(95, Math.max(3, 100 * elapsed / expected)) + '%';
  }
  function retryAfterMs(value){
    if (!value) return 0;
    var ms = /^\\s*\\d+\\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
    return isFinite(ms) ? Math.min(600000, Math.max(0, ms)) : 0;
  }
  function jitter(ms){ return ms * (0.8 + Math.random() * 0.4); }
  function backoff(retryMs){
    failures += 1;
    var ceiling = Math.min(cfg.maxBackoffMs, cfg.pollMs * Math.pow(2, failures));
    return Math.max(ceiling / 2 + Math.random() * ceiling / 2, retryMs ? retryMs + Math.random() * 1000 : 0);
  }
  function later(ms){ setTimeout(poll, ms); return ms; }
  function parse(text){ try { return JSON.parse(text); } catch (e) { return null; } }
  function poll(){
    var wake = cfg.wake;
    fetch(cfg.api + (wake ? 'wake' : 'status'), {
      method: wake ? 'POST' : 'GET', cache: 'no-store', credentials: 'omit',
      headers: wake ? { 'content-type': 'application/json' } : {}, body: wake ? JSON.stringify({ room: cfg.room }) : undefined
    }).then(function(res){
      var retryMs = retryAfterMs(res.headers.get('retry-after'));
      return res.text().then(function(text){ return { code: res.status, retryMs: retryMs, status: parse(text) }; });
    }).then(function(r){
      var ours = isStatus(r.status);
      if (ours && r.status.phase !== 'ready') readyChecks = 0;
      // Once the page has said the meeting does not open, a further "ready" must not paint over that.
      if (ours && !(r.status.phase === 'ready' && (stuck || readyChecks >= cfg.readyChecks))) render(r.status);
      if (ours && r.code >= 200 && r.code < 300) {
        failures = 0;
        if (r.status.phase === 'ready') return ready(r.status);
        return later(jitter(cfg.pollMs));
      }
      var wait = backoff(r.retryMs);
      if (!ours) say('detail', fill(r.code === 429 ? T.throttled : T.unavailable, { s: Math.ceil(wait / 1000) }));
      later(wait);
    }).catch(function(){
      say('detail', fill(T.offline, { s: Math.ceil(later(backoff(0)) / 1000) }));
    });
  }
  function ready(status){
    if (done) return;
    if (stuck) return later(jitter(cfg.pollMs * 4));
    if (cfg.join.kind === 'redirect') return go(function(){ location.replace(cfg.join.url + location.hash); });
    fetch(location.href.split('#')[0], { method: 'HEAD', cache: 'no-store', credentials: 'same-origin' }).then(function(res){
      var meeting = res.ok && !res.headers.get(cfg.marker);
      // Finish the request before navigating, or the browser reports it as aborted.
      return res.text().then(function(){ return meeting; });
    }).catch(function(){ return false; }).then(function(meeting){
      if (meeting) return reload(status);
      readyChecks += 1;
      if (readyChecks >= cfg.readyChecks) notOpening('');
      later(backoff(0));
    });
  }
  function go(navigate){
    done = true;
    el('bar').style.width = '100%';
    navigate();
  }
  function records(){ try { return JSON.parse(sessionStorage.getItem(RELOADS) || 'null'); } catch (e) { return null; } }
  function remember(value){ try { if (value) sessionStorage.setItem(RELOADS, JSON.stringify(value)); else sessionStorage.removeItem(RELOADS); } catch (e) {} }
  function reload(status){
    var key = status.wakeStartedAt || 'unknown', rec = records(), count = rec && rec.key === key ? rec.count : 0;
    if (count >= cfg.maxReloads) { stuck = true; notOpening(fill(T.reloadLimit, { n: count })); return later(jitter(cfg.pollMs * 4)); }
    remember({ key: key, count: count + 1 });
    go(function(){ location.reload(); });
  }
  function notOpening(detail){
    show('error', { step: null, title: T.notOpenTitle, intro: T.notOpenIntro, detail: detail || T.notOpenDetail, help: true });
    if (detail) el('retry').hidden = false;
  }
  el('retry').addEventListener('click', function(){ remember(null); location.reload(); });
  render(cfg.status);
  setInterval(tickClock, 1000);
  if (cfg.status.phase === 'ready') { ready(cfg.status); return; }
  function start(){ if (document.visibilityState === 'visible') { document.removeEventListener('visibilitychange', start); poll(); } }
  document.addEventListener('visibilitychange', start);
  start();
})();
`;
