// The pieces of Go's encoding/json that IBC application bytes depend on (ICS-20 and ICS-27
// packet data, channel versions, acknowledgements). They are hashed into commitments on both
// chains, so they must be the bytes ibc-go writes, and must be read the way ibc-go reads them.

const HEX = '0123456789abcdef';

/**
 * A JSON string literal as Go's json.Marshal writes it (with HTML escaping, as
 * sdk.MustSortJSON uses): `<`, `>`, `&`, U+2028 and U+2029 as \u escapes, control characters
 * as \b \f \n \r \t or \u00xx, and anything that is not UTF-8 as \ufffd.
 */
export function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) {
      if (c >= 0x20 && ch !== '"' && ch !== '\\' && ch !== '<' && ch !== '>' && ch !== '&') out += ch;
      else if (ch === '"' || ch === '\\') out += `\\${ch}`;
      else if (ch === '\b') out += '\\b';
      else if (ch === '\f') out += '\\f';
      else if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (ch === '\t') out += '\\t';
      else out += `\\u00${HEX[c >> 4]}${HEX[c & 0xf]}`;
    } else if (c === 0x2028 || c === 0x2029) {
      out += `\\u${c.toString(16)}`;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate: the string was not UTF-8.
      out += '\\ufffd';
    } else {
      out += ch;
    }
  }
  return `${out}"`;
}

/** An object with string values, keys sorted, compact: Go's json.Marshal of a map[string]string. */
export function goJsonObject(fields: Record<string, string>): string {
  const keys = Object.keys(fields).sort();
  return `{${keys.map((k) => `${goJsonString(k)}:${goJsonString(fields[k]!)}`).join(',')}}`;
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * The first JSON value in `text`, parsed; anything after it is ignored, as a json.Decoder
 * reading one value (what gogoproto's jsonpb.Unmarshal does) ignores it. Throws on bad JSON.
 */
export function parseFirstJsonValue(text: string): unknown {
  let i = 0;
  while (i < text.length && WHITESPACE.has(text.charCodeAt(i))) i++;
  const start = i;
  const open = text[i];
  if (open === '{' || open === '[') {
    let depth = 0;
    let inString = false;
    for (; i < text.length; i++) {
      const ch = text[i];
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) return JSON.parse(text.slice(start, i + 1));
      }
    }
    throw new SyntaxError('unexpected end of JSON input');
  }
  if (open === '"') {
    for (i = start + 1; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '"') return JSON.parse(text.slice(start, i + 1));
    }
    throw new SyntaxError('unexpected end of JSON input');
  }
  // A literal or a number ends where its grammar does: Go's scanner stops there.
  const rest = text.slice(start);
  for (const literal of ['null', 'true', 'false']) if (rest.startsWith(literal)) return JSON.parse(literal);
  const number = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(rest);
  if (number === null) throw new SyntaxError(`invalid character at the start of a JSON value`);
  return JSON.parse(number[0]);
}

/**
 * The raw text of each member's value of the object `text` starts with (after whitespace),
 * the last one for a repeated key; `text` must already be known to parse. JSON.parse keeps no
 * trace of how a number was written, and Go's decoder refuses `1.0` or `1e0` for an integer.
 */
export function jsonObjectMemberTexts(text: string): Map<string, string> {
  const members = new Map<string, string>();
  let i = text.indexOf('{') + 1;
  const skipWhitespace = () => {
    while (i < text.length && WHITESPACE.has(text.charCodeAt(i))) i++;
  };
  const skipString = () => {
    for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
    i++;
  };
  const skipValue = () => {
    if (text[i] === '"') return skipString();
    let depth = 0;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') {
        skipString();
        continue;
      }
      if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        if (depth === 0) return;
        depth--;
      } else if (ch === ',' && depth === 0) return;
      i++;
    }
  };
  for (skipWhitespace(); text[i] === '"'; skipWhitespace()) {
    const keyStart = i;
    skipString();
    const key = JSON.parse(text.slice(keyStart, i)) as string;
    skipWhitespace();
    i++; // ':'
    skipWhitespace();
    const valueStart = i;
    skipValue();
    members.set(key, text.slice(valueStart, i).trim());
    skipWhitespace();
    if (text[i] === ',') i++;
    skipWhitespace();
  }
  return members;
}
