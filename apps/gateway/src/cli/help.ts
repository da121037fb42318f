/**
 * Help texts, laid out for an 80-column terminal: everything is filled to
 * WIDTH here rather than written pre-wrapped, so a longer summary or a new
 * option cannot produce an over-long line (a unit test checks every text).
 */
import type { CommandSyntax } from './args.js';

export const WIDTH = 80;
export const PROGRAM = 'npm run admin --';

/** A command as help shows it. */
export interface HelpEntry extends CommandSyntax {
  /** One line for the command list. */
  summary: string;
  /** Paragraphs for `help <command>`, after the summary. */
  details?: readonly string[];
}

/** Fills units (words, or `[--opt <v>]` groups kept whole) into lines, later lines indented. */
export function fill(units: readonly string[], indent: string, width = WIDTH, firstPrefix = indent): string[] {
  const lines: string[] = [];
  let line = firstPrefix;
  let empty = true;
  for (const unit of units) {
    if (!empty && line.length + 1 + unit.length > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += empty ? unit : ` ${unit}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const paragraph = (text: string, indent = '') => fill(words(text), indent);

function optionLabel(name: string, spec: { type: string; placeholder?: string }): string {
  return spec.type === 'string' ? `--${name} <${spec.placeholder ?? 'value'}>` : `--${name}`;
}

/** `usage: npm run admin -- members:update <site> <userId> [--email <email>] ...`, wrapped. */
export function usageLines(name: string, entry: CommandSyntax): string[] {
  const units = [
    PROGRAM,
    name,
    ...entry.args,
    ...Object.entries(entry.options ?? {}).map(([o, s]) => `[${optionLabel(o, s)}]`),
  ];
  return fill(units, '         ', WIDTH, 'usage: ');
}

/** Two columns: `  left  right`, the right one wrapped under itself. */
function table(rows: readonly (readonly [string, string])[]): string[] {
  const left = Math.max(...rows.map(([l]) => l.length));
  return rows.flatMap(([l, r]) => {
    const indent = ' '.repeat(left + 4);
    return fill(words(r), indent, WIDTH, `  ${l.padEnd(left)}  `);
  });
}

const EXIT_STATUS = [
  'Exit status:',
  ...table([
    ['0', 'success'],
    ['1', 'the operation failed: the gateway refused it or could not be reached'],
    ['2', 'usage error: unknown command or option, wrong arguments, missing secret'],
  ]),
];

const ENVIRONMENT = [
  'Environment:',
  ...table([
    ['GATEWAY_URL', 'the gateway to talk to (default http://127.0.0.1:8080)'],
    [
      'BADGEKIT_MASTER_SECRET',
      'the BadgeKit master key’s secret, which signs every request (default: the development secret)',
    ],
  ]),
];

export function generalHelp(commands: Readonly<Record<string, HelpEntry>>): string {
  return [
    `usage: ${PROGRAM} <command> [arguments] [options]`,
    `       ${PROGRAM} help [<command>]`,
    `       ${PROGRAM} --version`,
    '',
    ...paragraph(
      'Manages sites, API consumers, members and webhooks through the running gateway’s admin API, each request signed with the BadgeKit master key. Secrets are never arguments: commands read them from standard input (asking without echo on a terminal) or the environment.',
    ),
    '',
    'Commands:',
    ...table(Object.entries(commands).map(([name, c]) => [name, c.summary])),
    '',
    'Options:',
    ...table([
      ['-h, --help', 'show this help; after a command, that command’s help'],
      ['--version', 'print the version of the admin command line'],
    ]),
    '',
    ...ENVIRONMENT,
    '',
    ...EXIT_STATUS,
  ].join('\n');
}

export function commandHelp(name: string, entry: HelpEntry): string {
  const options = Object.entries(entry.options ?? {}).map(([o, s]) => [optionLabel(o, s), s.help] as const);
  return [
    ...usageLines(name, entry),
    '',
    ...paragraph(entry.summary.charAt(0).toUpperCase() + entry.summary.slice(1) + '.'),
    ...(entry.details ?? []).flatMap((d) => ['', ...paragraph(d)]),
    '',
    'Options:',
    ...table([...options, ['-h, --help', 'show this help']]),
    '',
    ...ENVIRONMENT,
    '',
    ...EXIT_STATUS,
  ].join('\n');
}

/** What a usage error prints after its message. */
export function usageHint(name: string | undefined, entry: CommandSyntax | undefined): string {
  if (name === undefined || entry === undefined) return `Run '${PROGRAM} help' for the commands.`;
  return [...usageLines(name, entry), `Run '${PROGRAM} help ${name}' for more.`].join('\n');
}
