// Written by tools/write-entry.mjs from components/registry.json: edit those, not this.
export class VaeLatentExplorer {}
export class GanArena {}
export class PixelRnnCanvas {}
export class SentenceMorph {}
