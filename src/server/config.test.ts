import { describe, expect, it } from 'vitest';
import { loadConfig, LOGIN_RATE_LIMIT_PER_MINUTE, PUBLIC_RATE_LIMIT_PER_MINUTE } from './config';

describe('loadConfig', () => {
  it('takes the login allowance per address from LOGIN_RATE_LIMIT_PER_MINUTE, and ignores nonsense', () => {
    expect(loadConfig({}).loginRateLimitPerMinute).toBe(LOGIN_RATE_LIMIT_PER_MINUTE);
    expect(loadConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '120' }).loginRateLimitPerMinute).toBe(120);
    expect(loadConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: 'abc' }).loginRateLimitPerMinute).toBe(LOGIN_RATE_LIMIT_PER_MINUTE);
    expect(loadConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '0' }).loginRateLimitPerMinute).toBe(LOGIN_RATE_LIMIT_PER_MINUTE);
    expect(loadConfig({}).publicRateLimitPerMinute).toBe(PUBLIC_RATE_LIMIT_PER_MINUTE);
    expect(loadConfig({ PUBLIC_RATE_LIMIT_PER_MINUTE: '5000' }).publicRateLimitPerMinute).toBe(5000);
    expect(loadConfig({ PUBLIC_RATE_LIMIT_PER_MINUTE: '-1' }).publicRateLimitPerMinute).toBe(PUBLIC_RATE_LIMIT_PER_MINUTE);
  });
});
