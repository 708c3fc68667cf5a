// Types for Vite-handled imports in stories (CSS side-effect imports, import.meta.env).
/// <reference types="vite/client" />
