import { TOPOLOGIES } from '../../topology/registry.js';
import { formatTable } from '../table.js';

export function listCommand(): string {
  return Object.values(TOPOLOGIES).map((topology) => {
    const rows = topology.components.map((c) => [
      c.name,
      c.kind === 'app' ? `app ×${c.replicas}` : `broker (${c.broker})`,
      c.kind === 'app' ? c.modules.join(',') || '-' : '-',
      c.dependsOn.join(',') || '-',
      c.name === topology.edge ? `${c.role} [edge]` : c.role,
    ]);
    return `${topology.variant}: ${topology.description}${topology.discovery ? `\nfinding services (${topology.discovery.mode}): ${topology.discovery.description}` : ""}\n${formatTable(['component', 'kind', 'modules', 'depends on', 'role'], rows)}`;
  }).join('\n\n');
}
