/**
 * A minimal YAML writer for the compose files: maps, lists and scalars. Strings are written as JSON
 * strings, which YAML reads as double-quoted scalars, so no value can change the document's shape.
 */
export type YamlValue = string | number | boolean | readonly YamlValue[] | { readonly [key: string]: YamlValue | undefined };

export function toYaml(value: YamlValue, indent = 0): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return value.map((item) => (isBlock(item) ? `${pad}-\n${toYaml(item, indent + 2)}` : `${pad}- ${scalar(item)}`)).join('\n');
  }
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter((entry): entry is [string, YamlValue] => entry[1] !== undefined)
      .map(([key, item]) => (isBlock(item) ? `${pad}${key}:\n${toYaml(item, indent + 2)}` : `${pad}${key}: ${scalar(item)}`))
      .join('\n');
  }
  return pad + scalar(value);
}

function isBlock(value: YamlValue): boolean {
  return typeof value === 'object' && (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0);
}

function scalar(value: YamlValue): string {
  if (Array.isArray(value)) return '[]';
  if (typeof value === 'object') return '{}';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
