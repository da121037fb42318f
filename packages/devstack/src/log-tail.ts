import fs from 'node:fs/promises';

/** The last lines of a log file, for error messages; empty when the file is absent. */
export async function tailOf(file: string, lines = 40): Promise<string> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return '';
  }
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
