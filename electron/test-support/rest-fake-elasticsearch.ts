/**
 * The part of Elasticsearch a Zammad user search goes through, for the fake helpdesk
 * (`rest-fake-zammad.ts`). Written from:
 * - Zammad `lib/search_index_backend.rb` (2025, `search_by_index`): a `query_string` query with
 *   `default_operator: 'AND'` and `analyze_wildcard: true`; `append_wildcard_to_simple_query`
 *   adds `*` to a query without `:`; `get_mapping_properties_object` maps every string column
 *   to a `text` field with no analyzer set, so Elasticsearch's default, the standard analyzer.
 * - Elasticsearch reference, "Standard analyzer" and "Standard tokenizer": Unicode text
 *   segmentation (UAX #29 word boundaries), then lower case. Node's `Intl.Segmenter` implements
 *   the same UAX #29 word rules, so "0211 555-1234" gives `0211`, `555`, `1234`, "+49 211"
 *   gives `49`, `211`, and digits joined by `.`/`,` stay one word ("0211.5551234").
 * - Elasticsearch reference, "Query string query" (syntax, reserved characters) and Lucene's
 *   classic query parser grammar (a term cannot start with `+ - ! ( ) : ^ [ ] " { } ~ * ? \ /`;
 *   `/` starts a regular expression).
 *
 * Only the syntax Ringdesk's presets can send is modelled: `field:term`, `field:"phrase"`,
 * `field:(…)`, bare terms (every text field), `OR`, `AND` or juxtaposition (AND), a trailing `*`.
 * A syntax error throws {@link QuerySyntaxError} (Elasticsearch answers 400; Zammad logs it and
 * answers an empty list); anything valid but not modelled throws {@link NotModelledError}, so a
 * test fails loudly instead of passing on a guess.
 */

/** A query Elasticsearch refuses to parse (answers 400). */
export class QuerySyntaxError extends Error {
  override readonly name = 'QuerySyntaxError';
}

/** Valid query syntax this fake does not model. */
export class NotModelledError extends Error {
  override readonly name = 'NotModelledError';
}

type QueryNode =
  | { readonly kind: 'all' | 'any'; readonly items: readonly QueryNode[] }
  | { readonly kind: 'term'; readonly field: string | null; readonly text: string; readonly prefix: boolean }
  | { readonly kind: 'phrase'; readonly field: string | null; readonly text: string };

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** The standard analyzer: UAX #29 words, lower-cased. */
export function standardTokens(text: string): string[] {
  return [...segmenter.segment(text)]
    .filter((segment) => segment.isWordLike === true)
    .map((segment) => segment.segment.toLowerCase());
}

/** Zammad's `append_wildcard_to_simple_query`: a query without `:` gets a trailing `*`. */
export function appendWildcardToSimpleQuery(query: string): string {
  const trimmed = query.trim();
  return trimmed.includes(':') ? trimmed : `${trimmed}*`;
}

/** A parsed query_string query. */
export class QueryString {
  private constructor(private readonly root: QueryNode) {}

  /** @throws QuerySyntaxError, NotModelledError */
  static parse(query: string): QueryString {
    const parser = new Parser(query);
    const root = parser.query(null, false);
    return new QueryString(root);
  }

  /** True when the document (text fields by name) matches. */
  matches(document: ReadonlyMap<string, string>): boolean {
    const tokens = new Map<string, string[]>();
    for (const [field, text] of document) tokens.set(field, standardTokens(text));
    return evaluate(this.root, tokens);
  }
}

function evaluate(node: QueryNode, fields: ReadonlyMap<string, string[]>): boolean {
  switch (node.kind) {
    case 'all':
      return node.items.every((item) => evaluate(item, fields));
    case 'any':
      return node.items.some((item) => evaluate(item, fields));
    case 'term':
    case 'phrase': {
      const searched = node.field === null ? [...fields.values()] : [fields.get(node.field) ?? []];
      return searched.some((tokens) => matchesField(node, tokens));
    }
  }
}

function matchesField(
  node: Extract<QueryNode, { kind: 'term' | 'phrase' }>,
  tokens: readonly string[],
): boolean {
  const wanted = standardTokens(node.text);
  if (wanted.length === 0) return false;
  if (node.kind === 'term') {
    if (wanted.length > 1)
      throw new NotModelledError(`a bare term that analyzes to several tokens: ${node.text}`);
    const [only] = wanted as [string];
    return tokens.some((token) => (node.prefix ? token.startsWith(only) : token === only));
  }
  for (let start = 0; start + wanted.length <= tokens.length; start++)
    if (wanted.every((token, index) => tokens[start + index] === token)) return true;
  return false;
}

const STOP = new Set([' ', '\t', '\n', '\r', '(', ')', '"', ':', '/']);
const NOT_MODELLED_IN_TERM = /[\\[\]{}^~?]/;

class Parser {
  private position = 0;

  constructor(private readonly text: string) {}

  /** Clauses up to the end (or `)` inside a group), joined by one kind of operator. */
  query(field: string | null, inGroup: boolean): QueryNode {
    const items: QueryNode[] = [];
    const joins = new Set<'AND' | 'OR'>();
    let expectClause = true;
    for (;;) {
      this.skipSpace();
      const char = this.text[this.position];
      if (char === undefined) {
        if (inGroup) throw new QuerySyntaxError('unclosed (');
        break;
      }
      if (char === ')') {
        if (!inGroup) throw new QuerySyntaxError('unexpected )');
        this.position++;
        break;
      }
      const word = this.peekWord();
      if (word === 'OR' || word === 'AND') {
        if (expectClause) throw new QuerySyntaxError(`${word} without a clause before it`);
        this.position += word.length;
        joins.add(word);
        expectClause = true;
        continue;
      }
      if (!expectClause) joins.add('AND');
      items.push(this.clause(field));
      expectClause = false;
    }
    if (items.length === 0 || expectClause) throw new QuerySyntaxError('a clause is missing');
    if (joins.size > 1) throw new NotModelledError('OR mixed with AND');
    if (items.length === 1) return items[0] as QueryNode;
    return { kind: joins.has('OR') ? 'any' : 'all', items };
  }

  private clause(field: string | null): QueryNode {
    const char = this.text[this.position] as string;
    if (char === '(') {
      this.position++;
      return this.query(field, true);
    }
    if (char === '"') return this.phrase(field);
    if (char === '/') {
      const closing = this.text.indexOf('/', this.position + 1);
      if (closing === -1) throw new QuerySyntaxError('unterminated regular expression');
      throw new NotModelledError('regular expression');
    }
    if (char === ':') throw new QuerySyntaxError('a field name is missing');
    const start = this.position;
    while (this.position < this.text.length && !STOP.has(this.text[this.position] as string)) this.position++;
    const word = this.text.slice(start, this.position);
    if (this.text[this.position] === ':') {
      if (field !== null) throw new NotModelledError('a field inside a field group');
      this.position++;
      const next = this.text[this.position];
      if (next === undefined || next === ' ') throw new QuerySyntaxError(`nothing after ${word}:`);
      return this.clause(word);
    }
    return this.term(word, field);
  }

  private term(word: string, field: string | null): QueryNode {
    if (/^[+\-!]/.test(word)) throw new NotModelledError(`operator prefix in ${word}`);
    if (NOT_MODELLED_IN_TERM.test(word)) throw new NotModelledError(`special character in ${word}`);
    const star = word.indexOf('*');
    if (star !== -1 && star !== word.length - 1) throw new NotModelledError(`wildcard inside ${word}`);
    const prefix = star !== -1;
    const text = prefix ? word.slice(0, -1) : word;
    if (prefix && text === '') throw new NotModelledError('a lone *');
    return { kind: 'term', field, text, prefix };
  }

  private phrase(field: string | null): QueryNode {
    const closing = this.text.indexOf('"', this.position + 1);
    if (closing === -1) throw new QuerySyntaxError('unterminated phrase');
    const text = this.text.slice(this.position + 1, closing);
    this.position = closing + 1;
    const after = this.text[this.position];
    if (after === '~' || after === '^') throw new NotModelledError('phrase slop or boost');
    return { kind: 'phrase', field, text };
  }

  private peekWord(): string {
    let end = this.position;
    while (end < this.text.length && !STOP.has(this.text[end] as string)) end++;
    return this.text.slice(this.position, end);
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.position] ?? '')) this.position++;
  }
}
