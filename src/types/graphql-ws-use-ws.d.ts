// tsconfig's `moduleResolution: node` ignores package `exports`, where graphql-ws declares its
// `use/ws` entry; Node and Vitest resolve it at run time, this points the compiler at its types.
declare module 'graphql-ws/use/ws' {
  export { useServer, type Extra } from 'graphql-ws/dist/use/ws.cjs';
}
