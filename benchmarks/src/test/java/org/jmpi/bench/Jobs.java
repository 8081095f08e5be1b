package org.jmpi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jmpi.test.MpiLauncher;
import org.jmpi.test.Programs;
import org.junit.jupiter.params.provider.Arguments;

/** What the benchmark programs' tests share beyond {@link Programs}: the MPIs a two-rank job runs under. */
final class Jobs {
    private Jobs() {
    }

    /** The MPIs of {@link MpiLauncher#selected()} on which {@code jmpi.np} allows two-rank jobs. */
    static Stream<MpiLauncher> mpis() {
        return Programs.runs(2).map(a -> (MpiLauncher) a.get()[1]);
    }

    /** {@code cases} under every MPI of {@link #mpis()}, the MPI last. */
    static Stream<Arguments> underEachMpi(List<Arguments> cases) {
        return mpis().flatMap(mpi -> cases.stream().map(c -> {
            List<Object> args = new ArrayList<>(List.of(c.get()));
            args.add(mpi);
            return Arguments.of(args.toArray());
        }));
    }
}
