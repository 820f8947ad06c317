import { MockActivityEnvironment } from '@temporalio/testing';
import { withHeartbeats } from '../../src/activities/heartbeats';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('activities heartbeat while they run', () => {
  it('beats every two seconds until the activity ends, then stops', async () => {
    const env = new MockActivityEnvironment();
    const beats: number[] = [];
    env.on('heartbeat', () => beats.push(Date.now()));
    const { slowSend } = withHeartbeats({
      slowSend: async (to: string) => {
        await sleep(4_500);
        return `sent to ${to}`;
      },
    });
    await expect(env.run(slowSend, 'ops@example.com')).resolves.toBe('sent to ops@example.com');
    expect(beats.length).toBe(2);
    await sleep(2_100);
    expect(beats.length).toBe(2);
    expect(beats[1] - beats[0]).toBeGreaterThanOrEqual(1_900);
  });

  it('passes a failure through unchanged and stops beating', async () => {
    const env = new MockActivityEnvironment();
    let beats = 0;
    env.on('heartbeat', () => beats++);
    const refused = new Error('421 try again later');
    const { send } = withHeartbeats({
      send: async () => {
        await sleep(10);
        throw refused;
      },
    });
    await expect(env.run(send)).rejects.toBe(refused);
    await sleep(2_100);
    expect(beats).toBe(0);
  });
});
