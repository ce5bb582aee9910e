import { createContext, type JSX, useContext } from "solid-js";
import type { LockArea, TeacherSettings } from "../../core/share/experiment.ts";

/**
 * What a teacher decided for the project on screen, read by the phase components: a locked
 * setting's controls are disabled, a hidden phase is left out, a note replaces a phase's question.
 * Outside a shared project (and outside any provider) nothing is locked, hidden or noted.
 */
export interface Classroom {
  teacher(): TeacherSettings | null;
  locked(area: LockArea): boolean;
  hidden(phase: string): boolean;
  note(phase: string): string | null;
  /** Controls beginners do not need are left out (reading options, adding recipe steps, tuning, ensemble, epochs). */
  advancedHidden(): boolean;
}

/** The classroom of a teacher's settings (null: a project of one's own). */
export function makeClassroom(teacher: () => TeacherSettings | null | undefined): Classroom {
  const t = () => teacher() ?? null;
  return {
    teacher: t,
    locked: (area) => t()?.locked.includes(area) ?? false,
    hidden: (phase) => t()?.hidden.includes(phase) ?? false,
    note: (phase) => t()?.notes[phase]?.trim() || null,
    advancedHidden: () => t()?.hideAdvanced ?? false,
  };
}

const ClassroomContext = createContext<Classroom>(makeClassroom(() => null));

export function ClassroomProvider(props: {
  teacher: TeacherSettings | null | undefined;
  children: JSX.Element;
}) {
  return (
    <ClassroomContext.Provider value={makeClassroom(() => props.teacher)}>
      {props.children}
    </ClassroomContext.Provider>
  );
}

export function useClassroom(): Classroom {
  return useContext(ClassroomContext);
}
