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
@media (prefers-reduced-motion:reduce){li[data-state=now]::before{animation:none;border-top-color:var(--accent)}.bar span{transition:none}}
`;

/** Reads its settings from the JSON block #cfg, polls the wake API and redirects when ready. */
export const PAGE_SCRIPT = `
(function(){
  var cfg = JSON.parse(document.getElementById('cfg').textContent);
  var steps = ['asleep','starting','checking','ready'];
  var el = function(id){ return document.getElementById(id); };
  var startedAt = null, expected = cfg.expectedSeconds, lastPhase = null, done = false;
  function fmt(s){ s = Math.max(0, Math.round(s)); var m = Math.floor(s/60), r = s%60; return m + ':' + (r<10?'0':'') + r; }
  function step(status){
    if (status.phase === 'ready') return 'ready';
    if (status.phase === 'waking') return /checking/.test(status.message) ? 'checking' : 'starting';
    if (status.phase === 'asleep' || status.phase === 'stopping') return 'asleep';
    return null;
  }
  function render(status){
    document.body.setAttribute('data-phase', status.phase);
    var current = step(status), reached = current ? steps.indexOf(current) : -1;
    steps.forEach(function(name, i){
      var li = el('step-' + name);
      li.setAttribute('data-state', i < reached ? 'done' : i === reached ? 'now' : 'todo');
      if (i === reached) li.setAttribute('aria-current', 'step'); else li.removeAttribute('aria-current');
    });
    if (status.phase !== lastPhase) { el('phase').textContent = cfg.phaseText[status.phase] || status.phase; lastPhase = status.phase; }
    // Before the first wake answer the group is still asleep; say what is happening rather than "asleep".
    // While waking, the phase in plain words (from the wake timeline) rather than ECS's counts.
    var words = status.phase === 'waking' && status.timeline ? cfg.phaseWords[status.timeline.current] : null;
    el('detail').textContent = status.phase === 'asleep' ? cfg.phaseText.asleep : (words || status.message);
    if (status.estimate && status.estimate.seconds > 0) expected = status.estimate.seconds;
    if (typeof status.elapsedSeconds === 'number') startedAt = Date.now() - status.elapsedSeconds * 1000;
    el('help').hidden = status.phase !== 'error';
    tickClock();
  }
  function tickClock(){
    if (startedAt === null) { el('elapsed').textContent = '0:00'; el('left').textContent = cfg.estimateText; return; }
    var elapsed = (Date.now() - startedAt) / 1000, left = expected - elapsed;
    el('elapsed').textContent = fmt(elapsed);
    el('left').textContent = left > 0 ? 'about ' + fmt(left) + ' left' : cfg.overText;
    el('bar').style.width = Math.min(95, Math.max(3, 100 * elapsed / expected)) + '%';
  }
  function go(){
    if (done) return; done = true;
    el('phase').textContent = cfg.phaseText.ready;
    el('bar').style.width = '100%';
    location.replace(cfg.meetingUrl + location.search + location.hash);
  }
  function poll(){
    var wake = cfg.wake;
    fetch(wake ? 'api/wake' : 'api/status', {
      method: wake ? 'POST' : 'GET', cache: 'no-store', credentials: 'omit',
      headers: wake ? { 'content-type': 'application/json' } : {}, body: wake ? JSON.stringify({ room: cfg.room }) : undefined
    }).then(function(res){
      var retry = Number(res.headers.get('retry-after')) || 0;
      return res.json().then(function(status){ return { status: status, retry: retry }; });
    }).then(function(r){
      render(r.status);
      if (r.status.phase === 'ready') return go();
      setTimeout(poll, Math.max(cfg.pollMs, r.retry * 1000));
    }).catch(function(){
      el('detail').textContent = cfg.offlineText;
      setTimeout(poll, cfg.pollMs);
    });
  }
  render(cfg.status);
  if (cfg.status.phase === 'ready') return go();
  setInterval(tickClock, 1000);
  function start(){ if (document.visibilityState === 'visible') { document.removeEventListener('visibilitychange', start); poll(); } }
  document.addEventListener('visibilitychange', start);
  start();
})();
`;
