import { FileDrop } from "../shared/FileDrop.tsx";

export const FILE_ACCEPT = ".csv,.tsv,.txt,text/csv,text/tab-separated-values";

/** The Data phase's drop target for a table, with a visible "Choose file" button. */
export function DropZone(props: { disabled: boolean; compact?: boolean; onFile: (file: File) => void }) {
  return (
    <FileDrop
      lead="Drop a CSV file here, or"
      label="Drop a file to load"
      hint="CSV, TSV or text with a header row. Large files are read in chunks, on this device."
      accept={FILE_ACCEPT}
      testId="dropzone"
      inputTestId="file-input"
      compact={props.compact}
      disabled={props.disabled}
      onFile={(file) => props.onFile(file)}
    />
  );
}
