import { jobsFor, laneWorkOf } from './delivery-queue';

const endpoint = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const id = (n: number) => `10000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const lane = (n: number) => `20000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('the jobs for due deliveries', () => {
  const now = Date.parse('2026-12-05T12:00:00Z');

  it("puts one endpoint's lane heads due now in one job under its first's id, and each endpoint's in its own", () => {
    const jobs = jobsFor(
      [
        { id: id(1), endpointId: endpoint(1), lane: lane(1) },
        { id: id(2), endpointId: endpoint(2), lane: lane(1) },
        { id: id(3), endpointId: endpoint(1), lane: lane(2), at: new Date(now - 1_000) },
      ],
      now,
    );
    expect(jobs.map((j) => [j.opts.jobId, j.opts.delay, j.data])).toEqual([
      [`lanes-${id(1)}`, 0, { deliveryIds: [id(1), id(3)], endpointId: endpoint(1), lanes: [lane(1), lane(2)] }],
      [id(2), 0, { deliveryIds: [id(2)], endpointId: endpoint(2), lanes: [lane(1)] }],
    ]);
  });

  it('keeps a delivery due later in a job of its own, delayed until then, under its own id', () => {
    const [job] = jobsFor([{ id: id(1), endpointId: endpoint(1), lane: lane(1), at: new Date(now + 30_000) }], now);
    expect(job!.opts).toMatchObject({ jobId: id(1), delay: 30_000 });
    expect(job!.data).toEqual({ deliveryIds: [id(1)], endpointId: endpoint(1), lanes: [lane(1)] });
  });

  it('keeps the lanes of an endpoint waiting until one time in one job, and those waiting until another in another', () => {
    const at = new Date(now + 100);
    const jobs = jobsFor(
      [
        { id: id(1), endpointId: endpoint(1), lane: lane(1), at },
        { id: id(2), endpointId: endpoint(1), lane: lane(2), at },
        { id: id(3), endpointId: endpoint(1), lane: lane(3), at: new Date(now + 5_000) },
      ],
      now,
    );
    expect(jobs.map((j) => [j.opts.jobId, j.opts.delay])).toEqual([
      [`lanes-${id(1)}`, 100],
      [id(3), 5_000],
    ]);
  });

  it('names a lane once per job, and cuts an endpoint with many lanes into jobs of 100', () => {
    const heads = Array.from({ length: 150 }, (_, i) => ({ id: id(i), endpointId: endpoint(1), lane: lane(i) }));
    const jobs = jobsFor([...heads, { id: id(999), endpointId: endpoint(1), lane: lane(0) }], now);
    expect(jobs.map((j) => ('lanes' in j.data ? j.data.lanes?.length : 0))).toEqual([100, 50]);
    expect(jobs.flatMap((j) => ('deliveryIds' in j.data ? j.data.deliveryIds : []))).not.toContain(id(999));
  });

  it('queues a delivery whose endpoint and lane are unknown alone, and reads a job of the earlier version as its delivery', () => {
    expect(jobsFor([{ id: id(1) }], now).map((j) => [j.opts.jobId, j.data])).toEqual([[id(1), { deliveryIds: [id(1)] }]]);
    expect(laneWorkOf({ deliveryId: id(1) })).toEqual({ deliveryIds: [id(1)] });
    expect(laneWorkOf({ deliveryIds: [id(1)], endpointId: endpoint(1), lanes: [lane(1)] })).toEqual({
      deliveryIds: [id(1)],
      endpointId: endpoint(1),
      lanes: [lane(1)],
    });
  });
});
