import { describe, expect, it } from 'vitest';
import { appGridTracks, DEFAULT_PANELS, panelForKey, parsePanelPrefs } from './panel-prefs';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('panel prefs', () => {
  it('reads what was saved, each missing or odd entry at its default', () => {
    expect(parsePanelPrefs(null)).toEqual(DEFAULT_PANELS);
    expect(parsePanelPrefs('not json')).toEqual(DEFAULT_PANELS);
    expect(parsePanelPrefs('[1,2]')).toEqual(DEFAULT_PANELS);
    expect(parsePanelPrefs('{"palette":false,"preview":"no","extra":true}')).toEqual({ ...DEFAULT_PANELS, palette: false });
  });

  it('maps the plain panel keys, and leaves them alone with a modifier', () => {
    expect(panelForKey(key('['))).toBe('palette');
    expect(panelForKey(key(']'))).toBe('inspector');
    expect(panelForKey(key('\\'))).toBe('preview');
    expect(panelForKey(key('M'))).toBe('overview');
    expect(panelForKey(key('[', { ctrlKey: true }))).toBeUndefined();
    expect(panelForKey(key('m', { metaKey: true }))).toBeUndefined();
    expect(panelForKey(key('x'))).toBeUndefined();
  });

  it('gives a hidden panel no room in the grid', () => {
    expect(appGridTracks(DEFAULT_PANELS, 0.4)).toEqual({
      columns: 'var(--palette-width) minmax(0, 1fr) var(--inspector-width)',
      rows: 'auto auto minmax(0, 1fr) 6px 40vh',
    });
    expect(appGridTracks({ ...DEFAULT_PANELS, palette: false, inspector: false, preview: false }, 0.4)).toEqual({
      columns: '0px minmax(0, 1fr) 0px',
      rows: 'auto auto minmax(0, 1fr) 0px 0px',
    });
  });
});
