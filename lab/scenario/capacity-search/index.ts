/** Capacity as a search: what the scenario runner and the bench use. */
export { runCapacitySearch, capacityMix, type CapacitySearchOptions, type CapacitySearchRun } from './run-capacity-search.js';
export { searchCapacity, type SearchOptions, type SearchResult, type SearchStep } from './search.js';
export { generatorCeilingPerSecond, generatorRequestsPerSecond, requestsPerRun } from './generator-ceiling.js';
