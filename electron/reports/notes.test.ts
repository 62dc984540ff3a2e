// Notes become HTML only through marked and the sanitiser: formatting stays, anything active goes.
import { describe, expect, it } from 'vitest';
import { noteToSafeHtml } from './notes.ts';

describe('notes in HTML reports', () => {
  it('keeps the analyst’s formatting', () => {
    expect(noteToSafeHtml('The group, now called the **Security Implementation Group**, met.')).toBe(
      '<p>The group, now called the <strong>Security Implementation Group</strong>, met.</p>\n',
    );
    expect(noteToSafeHtml('- one\n- two')).toContain('<li>one</li>');
    expect(noteToSafeHtml('[State Department](https://www.state.gov/)')).toBe(
      '<p><a href="https://www.state.gov/">State Department</a></p>\n',
    );
  });

  it('takes out scripts, event handlers, frames, styles and script links, keeping the words', () => {
    const attacks = [
      'Seen <script>alert(1)</script> today',
      '<img src=x onerror="alert(2)"> caption',
      '<a href="javascript:alert(3)">click</a>',
      '[click](javascript:alert(4))',
      '<iframe src="https://evil.example"></iframe>',
      '<style>body { display: none }</style>',
      '<svg onload="alert(5)"><circle r="4"/></svg>',
      '<p onclick="alert(6)" style="position:fixed">text</p>',
      '<a href="data:text/html;base64,PHNjcmlwdD4=">data</a>',
    ];
    for (const attack of attacks) {
      const html = noteToSafeHtml(attack);
      expect(html, attack).not.toMatch(/<(script|img|iframe|style|svg)\b|\son\w+=|javascript:|data:|style=/i);
    }
    expect(noteToSafeHtml('Seen <script>alert(1)</script> today')).toBe('<p>Seen  today</p>\n');
    expect(noteToSafeHtml('<a href="javascript:alert(3)">click</a>')).toBe('<p><a>click</a></p>\n');
  });
});
