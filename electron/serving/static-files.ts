import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticFile {
  path: string;
  contentType: string;
  size: number;
  /** Vite's hashed assets never change under one name: cache them for good. */
  immutable: boolean;
}

/**
 * Maps a URL path onto a file inside the built renderer, or null. Refuses anything that would
 * leave the root (`..`, encoded slashes, NUL, symlinks pointing out) and dotfiles. Paths without
 * an extension fall back to index.html so a reload on a client-side route still works.
 */
export async function resolveStaticFile(rootDir: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s.startsWith('.'))) return null;

  let root: string;
  try {
    root = await realpath(resolve(rootDir));
  } catch {
    return null;
  }
  const wanted = segments.length === 0 ? 'index.html' : segments.join('/');
  const candidate = extname(wanted) === '' ? 'index.html' : wanted;
  const file = await fileInside(root, candidate);
  if (!file) return null;
  return {
    path: file.path,
    contentType: contentTypeFor(file.path),
    size: file.size,
    immutable: segments[0] === 'assets',
  };
}

async function fileInside(root: string, relative: string): Promise<{ path: string; size: number } | null> {
  const full = resolve(root, relative);
  if (!full.startsWith(root + sep)) return null;
  try {
    const real = await realpath(full);
    if (!real.startsWith(root + sep)) return null;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size } : null;
  } catch {
    return null;
  }
}
