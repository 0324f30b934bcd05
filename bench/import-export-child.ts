// One phase of the import-export bench in this process: `node <bundle of this file> PHASE ARGS`
// (or `node --import tsx bench/import-export-child.ts PHASE ARGS` from source, e.g. to profile).
// Started like the app's processes start.
import { tuneGarbageCollection } from '../main/garbage-collection';
import { runPhaseHere } from './import-export-phases';

tuneGarbageCollection();
void runPhaseHere(process.argv[2] ?? '', process.argv[3] ?? '{}');
