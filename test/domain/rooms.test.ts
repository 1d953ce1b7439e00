import { escapeHtml, MAX_ROOM_LENGTH, meetingUrl, parseRoomSegment, safeQuery, validateRoom } from '../../shared/domain/rooms.js';

const base = new URL('https://meet.example.org/jitsi');

describe('room names (DESIGN invariant 7)', () => {
  it.each([
    ['weekly-standup', 'weekly-standup'],
    ['Team_42', 'Team_42'],
    ['Besprechung-Ünsere', 'Besprechung-Ünsere'],
    ['会议室', '会议室'],
    ['اجتماع', 'اجتماع'],
    ['a'.repeat(MAX_ROOM_LENGTH), 'a'.repeat(MAX_ROOM_LENGTH)],
  ])('accepts %j', (name, room) => {
    expect(validateRoom(name)).toEqual({ ok: true, room });
  });

  it('normalises a decomposed umlaut to NFC', () => {
    const decomposed = 'Besprechung-U\u0308nsere';
    expect(validateRoom(decomposed)).toEqual({ ok: true, room: 'Besprechung-Ünsere' });
  });

  it.each([
    ['<script>alert(1)</script>', /only letters, digits/],
    ['"><svg onload=alert(1)>', /only letters, digits/],
    ['..', /only letters, digits/],
    ['../etc', /only letters, digits/],
    ['a/b', /only letters, digits/],
    ['a'.repeat(MAX_ROOM_LENGTH + 1), /longer than 100/],
    ['x'.repeat(10_000), /longer than 100/],
    ['party-🎉', /only letters, digits/],
    ['\u202Egnitsil', /only letters, digits/],
    ['room\u0000', /only letters, digits/],
    ['room name', /only letters, digits/],
    ['-leading-dash', /only letters, digits/],
    ['', /empty/],
    ['api', /reserved/],
    ['API', /reserved/],
    ['http-bind', /reserved/],
  ])('rejects %j', (name, reason) => {
    const check = validateRoom(name);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toMatch(reason);
  });

  it.each([
    ['%2e%2e', /only letters, digits/],
    ['%2E%2E%2Fetc', /only letters, digits/],
    ['a%2Fb', /only letters, digits/],
    ['%3Cscript%3E', /only letters, digits/],
    ['%00', /only letters, digits/],
    ['%E2%80%AEevil', /only letters, digits/],
    ['%E0%A4%A', /not valid URL encoding/],
    ['%', /not valid URL encoding/],
    ['%ZZ', /not valid URL encoding/],
  ])('rejects the path segment %j', (segment, reason) => {
    const check = parseRoomSegment(segment);
    expect(check.ok ? '' : check.reason).toMatch(reason);
  });

  it('decodes a percent-encoded Unicode segment', () => {
    expect(parseRoomSegment('%E4%BC%9A%E8%AE%AE%E5%AE%A4')).toEqual({ ok: true, room: '会议室' });
  });

  it('a 10 000 character name is rejected quickly', () => {
    const started = performance.now();
    const check = parseRoomSegment('%41'.repeat(10_000));
    expect(check.ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('meetingUrl', () => {
  it('appends the encoded room to the base path and keeps the query', () => {
    expect(meetingUrl(base, 'weekly-standup', 'lang=de&config.startWithAudioMuted=true'))
      .toBe('https://meet.example.org/jitsi/weekly-standup?lang=de&config.startWithAudioMuted=true');
  });

  it('encodes Unicode rooms as one segment', () => {
    expect(meetingUrl(base, '会议室')).toBe('https://meet.example.org/jitsi/%E4%BC%9A%E8%AE%AE%E5%AE%A4');
  });

  it('works with a base URL that has no path', () => {
    expect(meetingUrl(new URL('https://meet.example.org'), 'room')).toBe('https://meet.example.org/room');
  });

  it.each(['..', '../../evil', '//evil.example', '@evil.example', 'a/../../b', '%2e%2e', 'https://evil.example/x'])(
    'never leaves the base URL, even for an unvalidated room %j',
    (room) => {
      let url: string | undefined;
      try {
        url = meetingUrl(base, room, 'next=https://evil.example');
      } catch {
        url = undefined; // refusing is fine; escaping is not
      }
      if (url !== undefined) {
        expect(url.startsWith('https://meet.example.org/jitsi/')).toBe(true);
        expect(new URL(url).pathname.split('/')).toHaveLength(3);
      }
    },
  );

  it('refuses to build a URL for ".." rather than pointing above the base path', () => {
    expect(() => meetingUrl(base, '..')).toThrow(/escaped the base URL/);
  });

  it('keeps percent-encoded CR/LF encoded, so a Location header cannot be split', () => {
    const url = meetingUrl(base, 'room', 'a=1%0D%0ALocation:%20https://evil.example');
    expect(url).not.toMatch(/[\r\n]/);
    expect(url.startsWith('https://meet.example.org/jitsi/room?')).toBe(true);
  });

  it.each(['a=1\r\nSet-Cookie: x=1', 'a=1\nb', 'a=<b>', 'a=1#frag', 'x='.padEnd(8193, 'y')])(
    'drops a query string that is not plain URL-encoded text or longer than a CloudFront URL (%#)',
    (query) => {
      const url = meetingUrl(base, 'room', query);
      expect(url).toBe('https://meet.example.org/jitsi/room');
      expect(url).not.toMatch(/[\r\n]/);
    },
  );

  it('keeps a 4,000-character ?jwt= (long tokens used to be dropped over 2,048 characters)', () => {
    const query = `jwt=${'e'.repeat(3996)}`;
    expect(meetingUrl(base, 'room', query)).toBe(`https://meet.example.org/jitsi/room?${query}`);
  });

  it('safeQuery keeps ordinary Jitsi config queries', () => {
    expect(safeQuery('config.prejoinConfig.enabled=false&userInfo.displayName=%22Ann%22')).toBe('config.prejoinConfig.enabled=false&userInfo.displayName=%22Ann%22');
  });
});

describe('escapeHtml', () => {
  it('escapes every character that can break out of content or attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\`</a>`)).toBe('&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;&#96;&#60;/a&#62;');
  });
});
