/* The projects table sorts a value within its currency: a figure in tenge is never ranked against
   one in dollars. Named here for dash-ag-grid (`comparator: {function: "valueWithinCurrency"}`). */
(function () {
  "use strict";
  const funcs = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});
  funcs.valueWithinCurrency = function (valueA, valueB, nodeA, nodeB, isDescending) {
    const curA = (nodeA && nodeA.data && nodeA.data.currency) || "";
    const curB = (nodeB && nodeB.data && nodeB.data.currency) || "";
    // Rows with no published value go last in either direction; currencies keep A→Z order.
    if ((valueA == null) !== (valueB == null)) return (valueA == null ? 1 : -1) * (isDescending ? -1 : 1);
    if (curA !== curB) return (curA < curB ? -1 : 1) * (isDescending ? -1 : 1);
    if (valueA == null) return 0;
    return valueA - valueB;
  };
})();
