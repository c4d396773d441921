import assert from 'node:assert/strict';
import { pythonCommand, systemEnvironment } from '../../emulator/core/platform.ts';

/** What twinstack starts other programs with, per system (checked with each system's inputs, on any machine). */
describe('platform differences', () => {
  it('runs Python as python3, as python on Windows, or as TWINSTACK_PYTHON says', () => {
    assert.equal(pythonCommand({}, 'linux'), 'python3');
    assert.equal(pythonCommand({}, 'darwin'), 'python3');
    assert.equal(pythonCommand({}, 'win32'), 'python');
    assert.equal(pythonCommand({ TWINSTACK_PYTHON: 'C:\\Python312\\python.exe' }, 'win32'), 'C:\\Python312\\python.exe');
  });

  it('gives a clean environment PATH, and on Windows the system variables Python needs to start', () => {
    const windows = { PATH: 'C:\\Windows\\system32', SYSTEMROOT: 'C:\\Windows', TEMP: 'C:\\Temp', HOME: 'x', AWS_SECRET_ACCESS_KEY: 'no' };
    assert.deepEqual(systemEnvironment(windows, 'win32'), { PATH: 'C:\\Windows\\system32', SYSTEMROOT: 'C:\\Windows', TEMP: 'C:\\Temp' });
    assert.deepEqual(systemEnvironment(windows, 'linux'), { PATH: 'C:\\Windows\\system32' });
    assert.deepEqual(systemEnvironment({}, 'linux'), { PATH: '/usr/local/bin:/usr/bin:/bin' });
  });
});
