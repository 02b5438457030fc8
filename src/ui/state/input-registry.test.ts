import { describe, expect, it } from 'vitest';
import { InputRegistry } from './input-registry';

describe('InputRegistry', () => {
  it('remembers the file name each input was registered under', () => {
    const inputs = new InputRegistry();
    inputs.registered('tracks', 'tracks.csv');
    inputs.registered('tracks', 'tracks-2024.csv');
    expect([...inputs.fileNames()]).toEqual([['tracks', 'tracks-2024.csv']]);
    expect(inputs.inputNames()).toEqual(['tracks']);
  });

  it('marks a sample as soon as it is expected, and keeps the mark when its file registers', async () => {
    const inputs = new InputRegistry();
    inputs.expectSamples(['tracks']);
    expect(inputs.sampleInputs()).toEqual(['tracks']);
    await inputs.registerSample('tracks', () => Promise.resolve(inputs.registered('tracks', 'tracks.csv')));
    expect(inputs.sampleInputs()).toEqual(['tracks']);
  });

  it("marks a sample that registers without being expected, and clears the mark for a user's own file", async () => {
    const inputs = new InputRegistry();
    await inputs.registerSample('ratings', () => Promise.resolve(inputs.registered('ratings', 'ratings.csv')));
    expect(inputs.sampleInputs()).toEqual(['ratings']);
    inputs.registered('ratings', 'ratings.csv');
    expect(inputs.sampleInputs()).toEqual([]);
  });

  it('does not mark a sample whose registration failed', async () => {
    const inputs = new InputRegistry();
    await expect(inputs.registerSample('tracks', () => Promise.reject(new Error('gone')))).rejects.toThrow('gone');
    await inputs.registerSample('ratings', () => Promise.resolve());
    expect(inputs.sampleInputs()).toEqual([]);
    inputs.registered('tracks', 'tracks.csv');
    expect(inputs.sampleInputs()).toEqual([]);
  });

  it("forgets only the samples among the inputs it is given, and keeps a user's own files", async () => {
    const inputs = new InputRegistry();
    await inputs.registerSample('tracks', () => Promise.resolve(inputs.registered('tracks', 'tracks.csv')));
    await inputs.registerSample('ratings', () => Promise.resolve(inputs.registered('ratings', 'ratings.csv')));
    inputs.registered('users', 'users.csv');
    expect(inputs.forgetSamples(['tracks', 'users', 'nothing'])).toEqual(['tracks']);
    expect(inputs.inputNames()).toEqual(['ratings', 'users']);
    expect(inputs.sampleInputs()).toEqual(['ratings']);
  });
});
