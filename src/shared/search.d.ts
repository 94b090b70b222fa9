// Types of search.js for the Node side (src/ itself is not type-checked).
export declare function searchTerm(term: string): string;
