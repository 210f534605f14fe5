// better-sqlite3-multiple-ciphers ships its types outside its package "exports", and a tsconfig
// "paths" mapping would make tsx load the .d.ts at run time. Its API is better-sqlite3's, so the
// @types/better-sqlite3 declarations describe it (key/rekey are used through PRAGMAs only).
declare module 'better-sqlite3-multiple-ciphers' {
  import Database from 'better-sqlite3';
  export = Database;
}
