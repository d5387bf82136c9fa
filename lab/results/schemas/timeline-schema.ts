/**
 * timeline.json as a schema: per variant, 100 ms buckets stored as columns (one array per counter),
 * times relative to the variant's `startMs`, the lifecycle events and the fault marks.
 * `schemas/timeline.schema.json` is generated from this (`archlab schemas`).
 */
import { z } from 'zod';
import { JOURNEY_NAMES } from '../../journeys/types.js';
import { VARIANT_NAMES } from '../../../boundary/topology.js';

const count = z.array(z.number().int().min(0));
const ms = z.array(z.number().nullable()).describe('one value per bucket, in ms; null where nothing was measured');

const outcomeColumns = z.object({
  ok: count, degraded: count, failed: count,
  failedBy: z.object({ timeout: count, refused: count, '5xx': count, 'unexpected-4xx': count }).strict().describe('failed runs per cause, per bucket'),
}).strict();

const journeyColumns = z.object({
  probe: outcomeColumns.describe('runs of the probes, counted by the bucket of their scheduled start'),
  load: outcomeColumns.describe('runs of the load generator'),
  p50Ms: ms, p99Ms: ms,
}).strict();

export const lifecycleEventSchema = z.object({
  tMs: z.number().describe('when the lab saw it: relative to startMs in timeline.json, epoch ms in run.json'),
  component: z.string(),
  instance: z.number().int().min(0).describe('replica index; brokers are 0'),
  type: z.enum(['starting', 'ready', 'draining', 'exited', 'restarting', 'stopped', 'fault']),
  detail: z.string().optional(),
  pid: z.number().int().optional(),
  backoffMs: z.number().optional().describe('on restarting: the back-off before the new process starts'),
  version: z.string().optional().describe('app processes: the build it runs (ARCHLAB_VERSION, v1 when not set)'),
}).strict();

const relativeWindow = z.object({ startMs: z.number(), endMs: z.number() }).strict();

export const variantTimelineSchema = z.object({
  bucketMs: z.number().positive(),
  startMs: z.number().describe('epoch ms of the first bucket; every other time here is relative to it'),
  buckets: z.number().int().min(0),
  journeys: z.object(Object.fromEntries(JOURNEY_NAMES.map((j) => [j, journeyColumns])) as Record<(typeof JOURNEY_NAMES)[number], typeof journeyColumns>).strict(),
  events: z.array(lifecycleEventSchema),
  fault: relativeWindow.optional().describe('the single fault window, relative; absent with none or several'),
  faults: z.array(z.object({ kind: z.string(), target: z.string(), startMs: z.number(), endMs: z.number() }).strict()).describe('every fault window, relative'),
}).strict();

export const TIMELINE_SCHEMA_VERSION = 2;

export const timelineFileSchema = z.object({
  schemaVersion: z.literal(TIMELINE_SCHEMA_VERSION),
  variants: z.partialRecord(z.enum(VARIANT_NAMES as unknown as ['monolith', 'soa', 'micro']), variantTimelineSchema)
    .describe('per variant measured (the first repeat with --repeat N)'),
}).strict();

export type TimelineFileJson = z.output<typeof timelineFileSchema>;
