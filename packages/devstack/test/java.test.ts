import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { javaCommand, parseJavaMajor } from '../src/kafka/java.js';

describe('parseJavaMajor', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['openjdk version "21-ea" 2023-06-08', 21],
    ['java version "1.8.0_392"\nJava(TM) SE Runtime Environment', 8],
    ['openjdk version "11.0.22" 2024-01-16 LTS', 11],
    ['Picked up JAVA_TOOL_OPTIONS: -Xmx1g\nopenjdk version "25" 2025-09-16', 25],
  ])('reads %j as %i', (output, major) => {
    expect(parseJavaMajor(output)).toBe(major);
  });

  it('gives up on output without a version', () => {
    expect(parseJavaMajor('Error: could not find libjava.so')).toBeUndefined();
  });
});

describe('javaCommand', () => {
  it('prefers $JAVA_HOME/bin/java when it exists', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'devstack-jdk-'));
    try {
      fs.mkdirSync(path.join(home, 'bin'));
      fs.writeFileSync(path.join(home, 'bin', 'java'), '');
      expect(javaCommand({ JAVA_HOME: home })).toBe(path.join(home, 'bin', 'java'));
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('falls back to PATH', () => {
    expect(javaCommand({})).toBe('java');
    expect(javaCommand({ JAVA_HOME: '/nonexistent/jdk' })).toBe('java');
  });
});
